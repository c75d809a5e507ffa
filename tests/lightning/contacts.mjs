// The Apex stand-in of AlcmeonContactController, as the running user: a user whose permission sets
// do not grant the class gets Salesforce's refusal, one whose profile may not read Contacts
// (`contactAccess=none`, server.mjs) the query's; searchContacts({ term }) finds the org's
// Contacts whose Name, Email or Phone (the Alcmeon_Widget_Setting__mdt default fields) contain the
// term (2 characters at least, case-insensitive), by name, 20 at most, each with what tells it
// apart; createContact({ name, phone }) adds a Contact (last word the LastName) to the org and
// answers it the same way. The org is the page server's own, or the Salesforce stand-in's.

/** The test org's Contacts (the emulator's seeded customers who have one). */
const ORG_CONTACTS = Object.freeze([
  { id: '003QQ0000001001AAA', FirstName: 'Amélie', LastName: 'Dubois', Email: 'amelie.dubois@example.com', Phone: '+33 6 11 22 33 44' },
  { id: '003QQ0000001002AAA', FirstName: 'Amélie', LastName: 'Durand', Email: 'amelie.durand@example.com', Phone: null },
  { id: '003QQ0000001003AAA', FirstName: 'Jonas', LastName: 'Weber', Email: 'jonas.weber@example.com', Phone: null },
]);
const SEARCH_FIELDS = ['Name', 'Email', 'Phone'];
const MAX_RESULTS = 20;
const MIN_TERM_LENGTH = 2;
export const CONTACT_CLASS = 'AlcmeonContactController';

const nameOf = (contact) => [contact.FirstName, contact.LastName].filter(Boolean).join(' ');

function matchOf(contact) {
  const detail = SEARCH_FIELDS.filter((field) => field !== 'Name')
    .map((field) => contact[field])
    .filter(Boolean)
    .join(' · ');
  return { id: contact.id, name: nameOf(contact), personAccount: false, detail };
}

/**
 * Where the Contacts are: this page server's own (the fixed ones and those created since it
 * started), or, with `salesforceUrl`, the Salesforce stand-in's (crates/salesforce-emulator, read
 * and written through its `/_emulator/records` controls), so a Contact linked in the widget is one
 * the record sync's upserts can point at.
 */
function contactBook(salesforceUrl) {
  if (!salesforceUrl) {
    const created = [];
    return {
      all: async () => [...ORG_CONTACTS, ...created],
      async create(contact) {
        const made = { ...contact, id: `003QQ${String(9000000 + created.length).padStart(10, '0')}AAA` };
        created.push(made);
        return made;
      },
    };
  }
  const records = `${salesforceUrl}/_emulator/records/Contact`;
  const fromRecord = (record) => ({
    id: record.Id,
    FirstName: record.FirstName ?? null,
    LastName: record.LastName,
    Email: record.Email ?? null,
    Phone: record.Phone ?? record.MobilePhone ?? null,
  });
  return {
    all: async () => (await (await fetch(records)).json()).map(fromRecord),
    async create(contact) {
      const response = await fetch(records, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ FirstName: contact.FirstName, LastName: contact.LastName, MobilePhone: contact.Phone }),
      });
      const answer = await response.json();
      if (!response.ok) throw new Error(answer[0]?.message ?? `HTTP ${response.status}`);
      return { ...contact, id: answer.id };
    },
  };
}

/** The Contact controller of one page server (`salesforceUrl`: see contactBook). */
export function contactController({ salesforceUrl = null } = {}) {
  const book = contactBook(salesforceUrl);
  return {
    /** `method`: searchContacts | createContact. Answers { returnValue } or { refusal: message }. */
    async call(method, params) {
      if (method === 'searchContacts') {
        const term = String(params?.term ?? '').trim().toLowerCase();
        if (term.length < MIN_TERM_LENGTH) return { returnValue: [] };
        const found = (await book.all())
          .filter((contact) => SEARCH_FIELDS.some((field) => String((field === 'Name' ? nameOf(contact) : contact[field]) ?? '').toLowerCase().includes(term)))
          .sort((a, b) => nameOf(a).localeCompare(nameOf(b)))
          .slice(0, MAX_RESULTS);
        return { returnValue: found.map(matchOf) };
      }
      if (method === 'createContact') {
        const name = String(params?.name ?? '').trim();
        if (!name) return { refusal: 'A new Contact needs a name.' };
        const space = name.lastIndexOf(' ');
        try {
          const contact = await book.create({
            FirstName: space > 0 ? name.slice(0, space) : null,
            LastName: space > 0 ? name.slice(space + 1) : name,
            Email: null,
            Phone: String(params?.phone ?? '').trim() || null,
          });
          return { returnValue: matchOf(contact) };
        } catch (error) {
          return { refusal: error.message };
        }
      }
      return null;
    },
  };
}
