import type { NotificationKind } from '@legeai/contracts';

export interface Notice {
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
}

/** The subject and plain-text body of a notice's mail, with the console's absolute links. */
export function renderMail(notice: Notice, recipientName: string, publicUrl: string): { subject: string; text: string } {
  const subject = `[LEGEAI] ${notice.kind === 'resolved' ? `Resolved: ${notice.title}` : notice.title}`;
  const lines = [
    `Hello ${recipientName},`,
    '',
    notice.kind === 'resolved' ? `Resolved: ${notice.title}` : notice.title,
    '',
    notice.body,
    ...(notice.link ? ['', `Open: ${publicUrl}${notice.link}`] : []),
    '',
    '--',
    `You get this email because of your notification preferences: ${publicUrl}/notifications/preferences`,
  ];
  return { subject, text: lines.join('\n') };
}
