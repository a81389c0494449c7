import type { DisclaimerCheckbox, LeadFormRecord, QuestionRecord } from '../types';
import { DEMO_IDS } from '../demo-ids';

type FormSeed = Omit<LeadFormRecord, 'createdTime' | 'questions' | 'privacyPolicyUrl' | 'privacyPolicyLinkText' | 'followUpActionUrl'> & {
  questions: Omit<QuestionRecord, 'id'>[];
  daysAgo: number;
};

const option = (key: string, value: string) => ({ key, value });

const TCPA_EN: DisclaimerCheckbox[] = [
  {
    key: 'tcpa_consent',
    text: 'I agree to be contacted by Harbor Point Insurance by phone, text or email about my quote, including by automated means.',
    isRequired: true,
    isCheckedByDefault: false,
  },
  { key: 'marketing_optin', text: 'Send me occasional tips and offers.', isRequired: false, isCheckedByDefault: false },
];

const YES_NO = [option('yes', 'Yes'), option('no', 'No')];

/** Lead forms of the demo agency: auto, home, life and health in English, plus a Spanish and a Japanese form. */
export const INSURANCE_FORMS: FormSeed[] = [
  {
    id: DEMO_IDS.forms.auto,
    pageId: DEMO_IDS.pages.main,
    name: 'Auto insurance quote 2026',
    status: 'ACTIVE',
    locale: 'EN_US',
    product: 'auto',
    daysAgo: 120,
    questions: [
      { key: 'full_name', label: 'Full name', type: 'FULL_NAME' },
      { key: 'email', label: 'Email', type: 'EMAIL' },
      { key: 'phone_number', label: 'Phone number', type: 'PHONE' },
      { key: 'zip_code', label: 'ZIP code', type: 'ZIP' },
      {
        key: 'vehicle_year',
        label: 'What year is your vehicle?',
        type: 'CUSTOM',
        options: [
          option('2026', '2026'),
          option('2024_2025', '2024–2025'),
          option('2019_2023', '2019–2023'),
          option('older', '2018 or older'),
        ],
      },
      {
        key: 'coverage_needs',
        label: 'Which coverages are you interested in?',
        type: 'CUSTOM',
        multiSelect: true,
        options: [
          option('liability', 'Liability'),
          option('collision', 'Collision'),
          option('comprehensive', 'Comprehensive'),
          option('roadside', 'Roadside assistance'),
        ],
      },
      { key: 'current_insurer', label: 'Who insures your car today?', type: 'CUSTOM' },
    ],
    disclaimer: {
      title: 'Consent to contact',
      body: 'Harbor Point Insurance will use your answers to prepare a quote.',
      checkboxes: TCPA_EN,
    },
  },
  {
    id: DEMO_IDS.forms.home,
    pageId: DEMO_IDS.pages.main,
    name: 'Home insurance quote',
    status: 'ACTIVE',
    locale: 'EN_US',
    product: 'home',
    daysAgo: 90,
    questions: [
      { key: 'full_name', label: 'Full name', type: 'FULL_NAME' },
      { key: 'email', label: 'Email', type: 'EMAIL' },
      { key: 'phone_number', label: 'Phone number', type: 'PHONE' },
      { key: 'street_address', label: 'Street address', type: 'STREET_ADDRESS' },
      { key: 'zip_code', label: 'ZIP code', type: 'ZIP' },
      {
        key: 'home_type',
        label: 'What type of home is it?',
        type: 'CUSTOM',
        options: [
          option('house', 'Single-family house'),
          option('condo', 'Condo'),
          option('townhouse', 'Townhouse'),
          option('mobile', 'Mobile home'),
        ],
      },
      { key: 'bundle_auto', label: 'Would you like to bundle with auto insurance?', type: 'CUSTOM', options: YES_NO },
    ],
    disclaimer: {
      title: 'Consent to contact',
      body: 'Harbor Point Insurance will use your answers to prepare a quote.',
      checkboxes: TCPA_EN,
    },
  },
  {
    id: DEMO_IDS.forms.life,
    pageId: DEMO_IDS.pages.main,
    name: 'Term life insurance – free quote',
    status: 'ACTIVE',
    locale: 'EN_US',
    product: 'life',
    daysAgo: 75,
    questions: [
      { key: 'first_name', label: 'First name', type: 'FIRST_NAME' },
      { key: 'last_name', label: 'Last name', type: 'LAST_NAME' },
      { key: 'email', label: 'Email', type: 'EMAIL' },
      { key: 'phone_number', label: 'Phone number', type: 'PHONE' },
      { key: 'date_of_birth', label: 'Date of birth', type: 'DOB' },
      {
        key: 'coverage_amount',
        label: 'How much coverage do you need?',
        type: 'CUSTOM',
        options: [option('250k', '$250,000'), option('500k', '$500,000'), option('1m', '$1,000,000'), option('unsure', 'Not sure yet')],
      },
      { key: 'tobacco_use', label: 'Have you used tobacco in the last 12 months?', type: 'CUSTOM', options: YES_NO },
    ],
    disclaimer: {
      title: 'Consent to contact',
      body: 'A licensed agent will call you to discuss your options.',
      checkboxes: TCPA_EN.slice(0, 1),
    },
  },
  {
    id: DEMO_IDS.forms.health,
    pageId: DEMO_IDS.pages.main,
    name: 'Health plans – open enrollment',
    status: 'ACTIVE',
    locale: 'EN_US',
    product: 'health',
    daysAgo: 60,
    questions: [
      { key: 'full_name', label: 'Full name', type: 'FULL_NAME' },
      { key: 'email', label: 'Email', type: 'EMAIL' },
      { key: 'phone_number', label: 'Phone number', type: 'PHONE' },
      { key: 'state', label: 'State', type: 'STATE' },
      {
        key: 'household_size',
        label: 'How many people need coverage?',
        type: 'CUSTOM',
        options: [option('1', 'Just me'), option('2', '2'), option('3_4', '3–4'), option('5_plus', '5 or more')],
      },
      {
        key: 'plan_interest',
        label: 'What are you looking for?',
        type: 'CUSTOM',
        multiSelect: true,
        options: [
          option('individual', 'Individual plan'),
          option('family', 'Family plan'),
          option('dental', 'Dental'),
          option('vision', 'Vision'),
        ],
      },
    ],
    disclaimer: { title: 'Consent to contact', body: 'We will compare plans from several carriers for you.', checkboxes: TCPA_EN },
  },
  {
    id: DEMO_IDS.forms.archivedAuto,
    pageId: DEMO_IDS.pages.main,
    name: 'Auto insurance quote 2025',
    status: 'ARCHIVED',
    locale: 'EN_US',
    product: 'auto',
    daysAgo: 400,
    questions: [
      { key: 'full_name', label: 'Full name', type: 'FULL_NAME' },
      { key: 'email', label: 'Email', type: 'EMAIL' },
      { key: 'phone_number', label: 'Phone number', type: 'PHONE' },
    ],
  },
  {
    id: DEMO_IDS.forms.autoSpanish,
    pageId: DEMO_IDS.pages.spanish,
    name: 'Cotización de seguro de auto',
    status: 'ACTIVE',
    locale: 'ES_LA',
    product: 'auto',
    daysAgo: 100,
    questions: [
      { key: 'full_name', label: 'Nombre completo', type: 'FULL_NAME' },
      { key: 'email', label: 'Correo electrónico', type: 'EMAIL' },
      { key: 'phone_number', label: 'Número de teléfono', type: 'PHONE' },
      { key: 'zip_code', label: 'Código postal', type: 'ZIP' },
      {
        key: 'tipo_de_cobertura',
        label: '¿Qué cobertura le interesa?',
        type: 'CUSTOM',
        multiSelect: true,
        options: [option('responsabilidad', 'Responsabilidad civil'), option('choque', 'Choque'), option('integral', 'Cobertura amplia')],
      },
      {
        key: 'mejor_horario',
        label: '¿Cuándo prefiere que lo llamemos?',
        type: 'CUSTOM',
        options: [option('manana', 'Mañana'), option('tarde', 'Tarde'), option('noche', 'Noche')],
      },
    ],
    disclaimer: {
      title: 'Consentimiento',
      body: 'Usaremos sus respuestas para preparar una cotización.',
      checkboxes: [
        {
          key: 'consentimiento_tcpa',
          text: 'Acepto que Harbor Point Seguros me contacte por teléfono, mensaje de texto o correo electrónico.',
          isRequired: true,
          isCheckedByDefault: false,
        },
      ],
    },
  },
  {
    id: DEMO_IDS.forms.lifeJapanese,
    pageId: DEMO_IDS.pages.japanese,
    name: '生命保険のお見積り',
    status: 'ACTIVE',
    locale: 'JA_JP',
    product: 'life',
    daysAgo: 45,
    questions: [
      { key: 'full_name', label: '氏名', type: 'FULL_NAME' },
      { key: 'email', label: 'メールアドレス', type: 'EMAIL' },
      { key: 'phone_number', label: '電話番号', type: 'PHONE' },
      {
        key: '保障額',
        label: 'ご希望の保障額',
        type: 'CUSTOM',
        options: [option('1000man', '1,000万円'), option('3000man', '3,000万円'), option('5000man', '5,000万円')],
      },
      { key: 'ご相談内容', label: 'ご相談内容をご記入ください', type: 'CUSTOM' },
    ],
    disclaimer: {
      title: '個人情報の取り扱い',
      body: 'ご入力いただいた情報は見積りのためにのみ使用します。',
      checkboxes: [{ key: 'kojin_joho_doui', text: '個人情報の取り扱いに同意します', isRequired: true, isCheckedByDefault: false }],
    },
  },
];
