/**
 * Word lists and heuristics for naming: event types are facts in the past tense (`OrderPlaced`),
 * commands are requests in the imperative (`PlaceOrder`). PascalCase names are split into words.
 */

export const words = (name: string): string[] => name.match(/[A-Z]+(?![a-z])|[A-Z][a-z0-9]*|[a-z0-9]+/g) ?? [name];

const IRREGULAR = new Set(
  `Arisen Awoken Been Beaten Become Begun Bent Bet Bid Bitten Bled Blown Bought Bound Broken Brought Broadcast Built Burnt Burst Cast Caught
  Chosen Clung Come Cost Crept Cut Dealt Done Drawn Dreamt Driven Drunk Dug Dwelt Eaten Fallen Fed Felt Fled Flown Forbidden Forecast Forgiven
  Forgotten Fought Found Frozen Given Gone Got Gotten Ground Grown Had Heard Held Hidden Hit Hung Hurt Kept Knelt Known Laid Led Leant Learnt
  Left Lent Let Lit Lost Made Meant Met Mislaid Misled Overcome Overdone Overridden Overrun Overseen Overtaken Overthrown Overwritten Paid Proven
  Put Quit Read Rebuilt Redone Remade Rent Repaid Reread Reset Resold Resent Retaken Retold Rewritten Rid Ridden Risen Rung Run Said Sat Seen
  Sent Set Sewn Shaken Shed Shone Shot Shown Shrunk Shut Slain Slept Slid Sold Sought Sown Sped Spent Spilt Split Spoken Spread Sprung Stolen
  Stood Struck Stuck Stung Sung Sunk Swept Swollen Sworn Swum Swung Taken Taught Thought Thrown Told Torn Trodden Undergone Understood Undone
  Unmade Unset Upheld Upset Withdrawn Withheld Woken Won Worn Wound Woven Written Began Drove Rode Wrote Took Gave Ate Fell Flew Forgot Froze
  Grew Knew Rose Saw Shook Sang Spoke Stole Swore Threw Woke Wore Bore Broke Chose Came Did Drank Got Hid Lay Ran Rang Sank Swam Tore`.split(
    /\s+/,
  ),
);

/** Words ending in "ed" that are not past participles. */
const NOT_PAST = new Set([
  'Bed',
  'Breed',
  'Deed',
  'Embed',
  'Feed',
  'Greed',
  'Heed',
  'Need',
  'Red',
  'Reed',
  'Seed',
  'Sled',
  'Speed',
  'Steed',
  'Weed',
]);

/** Common command verbs: a name starting with one reads as a request. */
const IMPERATIVE = new Set(
  `Accept Activate Add Adjust Allocate Approve Archive Assign Authorize Authorise Book Calculate Cancel Capture Change Charge Check Claim Close
  Complete Confirm Create Credit Debit Decline Delete Deliver Deposit Disable Dispatch Enable End Enroll Finish Fulfil Fulfill Generate Get
  Grant Import Increase Invoice Issue Join Leave Link Lock Make Mark Match Merge Move Notify Offer Open Pay Place Post Price Process
  Publish Put Rate Receive Refund Register Reject Release Remove Rename Reopen Request Reserve Reset Resolve Restock Restore Resume Return Revoke Run Save Schedule
  Send Set Ship Sign Start Stop Submit Subscribe Suspend Transfer Unlock Unsubscribe Update Upgrade Upload Validate Verify Void Withdraw`.split(
    /\s+/,
  ),
);

export const isPastParticiple = (word: string): boolean =>
  IRREGULAR.has(word) || (/[a-z]ed$/.test(word) && !NOT_PAST.has(word));

export const isImperativeVerb = (word: string): boolean => IMPERATIVE.has(word);

/** `OrderPlaced` → true; `PlaceOrder`, `OrderPlace` → false. */
export const endsInPastTense = (name: string): boolean => isPastParticiple(words(name).at(-1) ?? '');
export const startsWithImperative = (name: string): boolean => isImperativeVerb(words(name)[0] ?? '');

/** A past-tense suggestion for a command-like name: `PlaceOrder` → `OrderPlaced`. */
export function pastTenseSuggestion(name: string): string {
  const [verb = '', ...rest] = words(name);
  if (!isImperativeVerb(verb) || rest.length === 0) return `${name}Happened`;
  const past =
    IRREGULAR_PAST[verb] ??
    (verb.endsWith('e')
      ? `${verb}d`
      : /[^aeiou][aeiou][pgtb]$/.test(verb) && verb.length <= 4
        ? `${verb}${verb.at(-1)}ed`
        : verb.endsWith('y') && !/[aeiou]y$/.test(verb)
          ? `${verb.slice(0, -1)}ied`
          : `${verb}ed`);
  return `${rest.join('')}${past}`;
}

/** An imperative suggestion for an event-like name: `OrderPlaced` → `PlaceOrder` (best effort). */
export function imperativeSuggestion(name: string): string {
  const parts = words(name);
  const last = parts.at(-1) ?? '';
  const base =
    Object.entries(IRREGULAR_PAST).find(([, p]) => p === last)?.[0] ??
    last
      .replace(/ied$/, 'y')
      .replace(/([^aeiou])\1ed$/, '$1')
      .replace(/ed$/, '');
  const verb = IMPERATIVE.has(base) ? base : IMPERATIVE.has(`${base}e`) ? `${base}e` : base;
  return `${verb}${parts.slice(0, -1).join('')}`;
}

const IRREGULAR_PAST: Record<string, string> = {
  Make: 'Made',
  Pay: 'Paid',
  Send: 'Sent',
  Get: 'Got',
  Put: 'Put',
  Set: 'Set',
  Reset: 'Reset',
  Run: 'Run',
  Leave: 'Left',
  Withdraw: 'Withdrawn',
  Sign: 'Signed',
  Issue: 'Issued',
  Begin: 'Begun',
  Take: 'Taken',
  Give: 'Given',
  Hold: 'Held',
  Do: 'Done',
  Write: 'Written',
  Sell: 'Sold',
  Buy: 'Bought',
  Build: 'Built',
  Ship: 'Shipped',
  Submit: 'Submitted',
  Cancel: 'Cancelled',
  Stop: 'Stopped',
  Plan: 'Planned',
};
