/**
 * The list view of the org's `alcmeon__Conversation__c` records, as the connector's sync writes
 * them into the Salesforce stand-in (crates/salesforce-emulator): what an admin would open to see
 * the sync at work. The page reloads itself every few seconds, so a newcomer running `make demo`
 * sees a record appear, and its status and link change, as the simulated customer writes. Every
 * field is text from the org, escaped.
 */

export const CONVERSATION_LIST_PATH = '/lightning/o/alcmeon__Conversation__c/list';

const REFRESH_SECONDS = 3;

const COLUMNS = [
  ['Name', 'Name'],
  ['alcmeon__User_name__c', 'Customer'],
  ['alcmeon__Social_media_type__c', 'Channel'],
  ['alcmeon__Social_media_account__c', 'Account'],
  ['alcmeon__Status__c', 'Status'],
  ['alcmeon__To_SF_Queue_Id__c', 'Queue'],
  ['alcmeon__Contact__c', 'Contact'],
  ['alcmeon__Account__c', 'Person account'],
  ['alcmeon__scoped_id__c', 'Alcméon scoped ID'],
  ['alcmeon__url__c', 'Link'],
  ['LastModifiedDate', 'Last modified'],
];

const escapeHtml = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The list page's HTML: the records from the stand-in, the newest first, or why there are none. */
export async function conversationListPage(salesforceUrl) {
  let rows;
  let problem = null;
  if (!salesforceUrl) {
    problem = 'No Salesforce stand-in is running with this page (the sync is off).';
  } else {
    try {
      const response = await fetch(`${salesforceUrl}/_emulator/records/alcmeon__Conversation__c`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      rows = await response.json();
    } catch (error) {
      problem = `The Salesforce stand-in did not answer: ${error.message}`;
    }
  }
  const records = (rows ?? []).slice().reverse();
  const body = problem
    ? `<p class="list-problem">${escapeHtml(problem)}</p>`
    : `<table class="slds-table" data-records="${records.length}">
<thead><tr>${COLUMNS.map(([, label]) => `<th scope="col">${escapeHtml(label)}</th>`).join('')}</tr></thead>
<tbody>
${records
  .map(
    (record) =>
      `<tr data-scoped-id="${escapeHtml(record.alcmeon__scoped_id__c)}">${COLUMNS.map(
        ([field]) => `<td data-field="${field}">${escapeHtml(record[field])}</td>`,
      ).join('')}</tr>`,
  )
  .join('\n')}
</tbody>
</table>
<p class="list-count">${records.length} record(s)</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="${REFRESH_SECONDS}">
<title>Alcméon Conversations | Salesforce (test page)</title>
<link rel="stylesheet" href="/lightning/slds.css">
<link rel="stylesheet" href="/lightning/page.css">
</head>
<body>
<header class="record-header">
<p class="record-type">alcmeon__Conversation__c</p>
<h1>Alcméon Conversations: all records</h1>
<p class="record-subject">Written by the connector's sync into the Salesforce stand-in; this page reloads every ${REFRESH_SECONDS} s.</p>
</header>
<main class="region">
${body}
</main>
</body>
</html>
`;
}
