import { LeadDetailDto } from '@legeai/contracts';
import { maskDetail, maskEmail, maskPhone } from './contact-masking';

describe('contact masking', () => {
  it('keeps the first letter and domain of an email, the last two digits of a phone', () => {
    expect(maskEmail('jane.doe@example.com')).toBe('j•••@example.com');
    expect(maskEmail('nonsense')).toBe('•••');
    expect(maskPhone('+17185550179')).toBe('•••79');
    expect(maskPhone('123')).toBe('•••');
    expect(maskEmail(null)).toBeNull();
  });

  it('masks the contact answers (by question type, or by key when the form is unknown) and leaves the others', () => {
    const lead = {
      email: 'a@b.test',
      phone: '+17185550179',
      phoneE164: '+17185550179',
      emailNormalized: 'a@b.test',
      streetAddress: '1 Main St',
      dateOfBirth: '1990-01-02',
      city: 'Springfield',
      answers: [
        { key: 'email', label: 'Email', type: 'EMAIL', values: ['a@b.test'] },
        { key: 'tel', label: 'Tel', type: 'PHONE', values: ['+17185550179'] },
        { key: 'phone_number', label: null, type: null, values: ['555 0100 22'] },
        { key: 'vehicle_year', label: 'Year', type: 'CUSTOM', values: ['2024'] },
      ],
      rawAnswers: [
        { name: 'email', values: ['a@b.test'] },
        { name: 'vehicle_year', values: ['2024'] },
      ],
    } as unknown as LeadDetailDto;
    const masked = maskDetail(lead);
    expect(masked).toMatchObject({
      email: 'a•••@b.test',
      phone: '•••79',
      streetAddress: '•••',
      dateOfBirth: '•••',
      city: 'Springfield',
      contactMasked: true,
    });
    expect(masked.answers.map((a) => a.values[0])).toEqual(['a•••@b.test', '•••79', '•••22', '2024']);
    expect(masked.rawAnswers).toEqual([
      { name: 'email', values: ['a•••@b.test'] },
      { name: 'vehicle_year', values: ['2024'] },
    ]);
  });
});
