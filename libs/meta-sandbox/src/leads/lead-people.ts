import type { Rng } from '../core/rng';

/** A made-up person, with names and contact details that fit the form's language. */
export interface Person {
  firstName: string;
  lastName: string;
  fullName: string;
  email: string;
  phone: string;
  city: string;
  state: string;
  zip: string;
  street: string;
  dateOfBirth: string;
}

const EN = {
  first: ['Ana', 'Marcus', 'Priya', 'Tom', 'Keisha', 'Luis', 'Emily', 'Daniel', 'Grace', 'Omar', 'Hannah', 'Wei', 'Zoë', 'Chloé'],
  last: ['Ruiz', 'Johnson', 'Patel', 'Nguyen', 'Okafor', 'Smith', 'Kim', 'Garcia', 'Brown', "O'Connor", 'Schmidt', 'Novák'],
};
const ES = {
  first: ['José', 'María', 'Lucía', 'Andrés', 'Camila', 'Javier', 'Sofía', 'Mateo', 'Begoña'],
  last: ['Martínez', 'Fernández', 'Gómez', 'Núñez', 'Peña', 'Ibáñez', 'Muñoz', 'Álvarez'],
};
const JA = {
  first: ['太郎', '花子', '健一', '美咲', '翔太', '由美', '大輔', 'さくら'],
  last: ['山田', '佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '中村'],
};
const PLACES = [
  { city: 'Newark', state: 'NJ', zip: '07102' },
  { city: 'Jersey City', state: 'NJ', zip: '07302' },
  { city: 'Brooklyn', state: 'NY', zip: '11201' },
  { city: 'Yonkers', state: 'NY', zip: '10701' },
  { city: 'Stamford', state: 'CT', zip: '06901' },
  { city: 'Philadelphia', state: 'PA', zip: '19103' },
];
const STREETS = ['Maple Ave', 'Harbor St', 'Ocean Blvd', 'Elm St', 'Washington Ave', 'Bergen St'];

const ascii = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

export function makePerson(rng: Rng, locale: string): Person {
  const names = locale.startsWith('JA') ? JA : locale.startsWith('ES') ? ES : EN;
  const firstName = rng.pick(names.first);
  const lastName = rng.pick(names.last);
  const japanese = locale.startsWith('JA');
  const fullName = japanese ? `${lastName} ${firstName}` : `${firstName} ${lastName}`;
  const local = japanese ? `user${rng.int(100, 999)}` : `${ascii(firstName)}.${ascii(lastName)}${rng.int(1, 99)}`;
  const domain = japanese ? 'example.jp' : rng.pick(['example.com', 'example.org', 'example.net']);
  const place = rng.pick(PLACES);
  const phone = japanese
    ? `+8190${rng.int(10000000, 99999999)}`
    : `+1${rng.pick(['201', '212', '718', '973', '215'])}555${String(rng.int(100, 199)).padStart(4, '0')}`;
  const year = rng.int(1955, 2002);
  const month = String(rng.int(1, 12)).padStart(2, '0');
  const day = String(rng.int(1, 28)).padStart(2, '0');
  return {
    firstName,
    lastName,
    fullName,
    email: `${local}@${domain}`,
    phone,
    ...place,
    street: `${rng.int(10, 2999)} ${rng.pick(STREETS)}`,
    dateOfBirth: `${month}/${day}/${year}`,
  };
}
