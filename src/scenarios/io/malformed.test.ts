/** Hand-written malformed imports: each is rejected with a message naming the exact JSON path. */
import { describe, expect, it } from 'vitest';
import { exportScenarioText, importScenarioText } from './importScenario';
import { baseDoc, mutatedText, type Doc } from './testDocs';

const base = baseDoc;
const text = mutatedText;
const good = JSON.stringify(base());
const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

/** [name, input text, expected path, message fragment]. */
const cases: [string, string, string, string | RegExp][] = [
  ['empty file', '', '(root)', 'empty'],
  ['whitespace only', '  \n ', '(root)', 'empty'],
  ['plain text', 'hello', '(root)', /not JSON: unexpected token "h" at line 1, column 1/],
  ['truncated', good.slice(0, 200), '(root)', /unexpected end of input at line 1, column 201/],
  ['truncated pretty', text(() => undefined).slice(0, 50), '(root)', /unexpected end of input at line \d+/],
  ['trailing comma', '{"a": 1,}', '(root)', /unexpected token "}" at line 1, column 9/],
  ['error on line 3', '{\n  "a": 1,\n    x\n}', '(root)', /unexpected token "x" at line 3, column 5/],
  ['single quotes', "{'a': 1}", '(root)', /unexpected token "'" at line 1, column 2/],
  ['comment', '// scenario\n{}', '(root)', /unexpected token "\/" at line 1, column 1/],
  ['trailing garbage', `${good}x`, '(root)', /unexpected token "x"/],
  ['NaN literal', '{"seed": NaN}', '(root)', /unexpected token "N"/],
  ['a JSON array', '[]', '(root)', 'object'],
  ['a JSON string', '"scenario"', '(root)', 'object'],
  ['null', 'null', '(root)', 'object'],
  ['too large', `{"title": "${'x'.repeat(2_000_001)}"}`, '(root)', /too large \(2\.0 MB\); the limit is 2\.0 MB/],
  ['deep arrays', deep(100_000), '(root)', /nested more than 40 levels deep at line 1, column 41/],
  [
    'deep objects in data',
    text((s) => (s.steps[0].action.event.data.x = JSON.parse('{"a":'.repeat(45) + '1' + '}'.repeat(45)))),
    '(root)',
    'nested more than 40 levels',
  ],
  ['wrong schemaVersion', text((s) => (s.schemaVersion = 2)), 'schemaVersion', ''],
  ['schemaVersion as string', text((s) => (s.schemaVersion = '1')), 'schemaVersion', ''],
  ['missing schemaVersion', text((s) => delete s.schemaVersion), 'schemaVersion', ''],
  ['missing title', text((s) => delete s.title), 'title', ''],
  ['missing steps', text((s) => delete s.steps), 'steps', ''],
  ['no steps', text((s) => (s.steps = [])), 'steps', ''],
  ['unknown top-level key', text((s) => (s.extra = 1)), '(root)', 'extra'],
  ['unknown key in topic', text((s) => (s.topology.topics[0].replicas = 3)), 'topology.topics[0]', 'replicas'],
  ['unknown key in action', text((s) => (s.steps[2].action.script = 'alert(1)')), 'steps[2].action', 'script'],
  ['unknown key in event', text((s) => (s.steps[0].action.event.onload = 'x')), 'steps[0].action.event', 'onload'],
  ['__proto__ at the top', good.replace('{', '{"__proto__": {"polluted": true},'), '__proto__', 'not allowed'],
  [
    '__proto__ in event data',
    text((s) => (s.steps[0].action.event.data = JSON.parse('{"__proto__": {"x": 1}}'))),
    'steps[0].action.event.data.__proto__',
    'not allowed',
  ],
  [
    'constructor key',
    text((s) => (s.topology.topics[0].constructor = { prototype: {} })),
    'topology.topics[0].constructor',
    'not allowed',
  ],
  ['prototype key', text((s) => (s.intro.prototype = 'x')), 'intro.prototype', 'not allowed'],
  [
    'duplicate topic',
    text((s) => s.topology.topics.push({ ...s.topology.topics[0] })),
    'topology.topics[1]',
    'duplicate topic "orders"',
  ],
  [
    'duplicate producer',
    text((s) => s.topology.producers.push({ ...s.topology.producers[0] })),
    'topology.producers[1]',
    'duplicate producer',
  ],
  [
    'duplicate group',
    text((s) => s.topology.groups.push({ ...s.topology.groups[0] })),
    'topology.groups[2]',
    'duplicate group',
  ],
  [
    'duplicate member',
    text((s) => s.topology.groups[0].members.push('billing-1')),
    'topology.groups[0].members[2]',
    'duplicate member',
  ],
  [
    'unknown topic in step',
    text((s) => (s.steps[1].action.topic = 'nope')),
    'steps[1].action.topic',
    'unknown topic "nope"',
  ],
  [
    'unknown producer',
    text((s) => (s.steps[1].action.producer = 'ghost')),
    'steps[1].action.producer',
    'unknown producer',
  ],
  [
    'unknown group topic',
    text((s) => (s.topology.groups[1].topics[0] = 'nope')),
    'topology.groups[1].topics[0]',
    'unknown topic',
  ],
  [
    'partition out of range in expect',
    text((s) => (s.steps[0].expect[0].partition = 3)),
    'steps[0].expect[0].partition',
    'out of range',
  ],
  [
    'partition out of range in publish',
    text((s) => (s.steps[0].action.partition = 7)),
    'steps[0].action.partition',
    'out of range',
  ],
  ['negative partition', text((s) => (s.steps[0].action.partition = -1)), 'steps[0].action.partition', ''],
  ['too many partitions', text((s) => (s.topology.topics[0].partitions = 65)), 'topology.topics[0].partitions', ''],
  ['zero partitions', text((s) => (s.topology.topics[0].partitions = 0)), 'topology.topics[0].partitions', ''],
  ['unknown action kind', text((s) => (s.steps[3].action = { kind: 'teleport' })), 'steps[3].action.kind', ''],
  [
    'event type not PascalCase',
    text((s) => (s.steps[0].action.event.eventType = 'order placed')),
    'steps[0].action.event.eventType',
    'PascalCase',
  ],
  ['bad id characters', text((s) => (s.id = '../etc/passwd')), 'id', 'letters'],
  ['id too long', text((s) => (s.id = 'a'.repeat(65))), 'id', ''],
  ['huge narration', text((s) => (s.steps[0].narration = 'x'.repeat(4001))), 'steps[0].narration', '4000'],
  ['huge title', text((s) => (s.title = 'x'.repeat(201))), 'title', '200'],
  [
    'huge data string',
    text((s) => (s.steps[0].action.event.data.note = 'x'.repeat(4001))),
    'steps[0].action.event.data.note',
    '',
  ],
  ['huge key', text((s) => (s.steps[0].action.event.key = 'k'.repeat(201))), 'steps[0].action.event.key', ''],
  ['level not in enum', text((s) => (s.level = 'expert')), 'level', ''],
  ['seed not an integer', text((s) => (s.seed = 1.5)), 'seed', ''],
  ['negative startTime', text((s) => (s.startTime = -1)), 'startTime', ''],
  ['empty concepts', text((s) => (s.concepts = [])), 'concepts', ''],
  [
    'no correct choice',
    text((s) =>
      s.steps.find((x: Doc) => x.question?.choices)?.question.choices.forEach((c: Doc) => (c.correct = false)),
    ),
    'steps[',
    'at least one choice must be correct',
  ],
  ['poll by a non-member', text((s) => (s.steps[4].action.member = 'ghost')), 'steps[4].action.member', 'not a member'],
  [
    'field name with a space',
    text((s) => (s.steps[0].action.event.data['bad key'] = 1)),
    'steps[0].action.event.data.bad key',
    '',
  ],
  [
    'unknown guard operator',
    text((s) => (s.topology.aggregates[0].commands[2].guard = { xor: [1, 2] }), 'ride-sharing'),
    'topology.aggregates[0].commands[2].guard',
    '',
  ],
  [
    'ref outside the scope',
    text(
      (s) => (s.topology.aggregates[0].commands[0].emit[0].data.rideId = { ref: 'window.location' }),
      'ride-sharing',
    ),
    'topology.aggregates[0].commands[0].emit[0].data.rideId.ref',
    'a reference starts with',
  ],
  [
    'unknown aggregate in step',
    text((s) => (s.steps.find((x: Doc) => x.action.kind === 'command').action.aggregate = 'Nope'), 'ride-sharing'),
    'steps[',
    'unknown aggregate "Nope"',
  ],
  [
    'undeclared event type',
    text((s) => (s.topology.aggregates[0].commands[0].emit[0].eventType = 'RideWished'), 'ride-sharing'),
    'topology.aggregates[0].commands[0].emit[0].eventType',
    'not declared',
  ],
  [
    'unknown lifecycle state',
    text((s) => (s.topology.aggregates[0].commands[0].when = ['flying']), 'ride-sharing'),
    'topology.aggregates[0].commands[0].when[0]',
    'not a lifecycle state',
  ],
  [
    'unknown projection op',
    text((s) => (s.topology.projections[0].on[0].ops[0].op = 'eval'), 'ride-sharing'),
    'topology.projections[0].on[0].ops[0].op',
    '',
  ],
  [
    'duplicate event type',
    text((s) => s.topology.eventTypes.push({ ...s.topology.eventTypes[0] }), 'ride-sharing'),
    'topology.eventTypes[13]',
    'duplicate event type',
  ],
  [
    'service of an unknown group',
    text((s) => (s.topology.services[0].group = 'nobody'), 'ride-sharing'),
    'topology.services[0].group',
    'unknown consumer group',
  ],
];

describe('importScenarioText rejects malformed input, naming the path', () => {
  it('has at least 50 cases', () => expect(cases.length).toBeGreaterThanOrEqual(50));
  it.each(cases)('%s', (_name, input, path, fragment) => {
    const r = importScenarioText(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const hit = r.issues.find((i) => i.path === path || (path.endsWith('[') && i.path.startsWith(path)));
    expect(hit, JSON.stringify(r.issues.slice(0, 3))).toBeDefined();
    if (fragment instanceof RegExp) expect(hit!.message).toMatch(fragment);
    else expect(hit!.message).toContain(fragment);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('HTML and script payloads are text', () => {
  const payloads = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '"><svg onload=alert(1)>',
    "javascript:alert('x')",
    '{{constructor.constructor("alert(1)")()}}',
    '${alert(1)}',
  ];
  it('are accepted in every text field and round-trip verbatim', () => {
    const s = base('ride-sharing');
    let n = 0;
    const p = () => payloads[n++ % payloads.length]!;
    s.title = p().slice(0, 200);
    s.summary = p();
    s.intro = { title: p(), narration: p() };
    s.concepts = payloads;
    s.takeaways = payloads;
    s.topology.topics.forEach((t: Doc) => (t.description = p()));
    s.topology.groups.forEach((g: Doc) => ((g.label = p()), (g.description = p())));
    s.topology.producers.forEach((x: Doc) => ((x.label = p()), (x.description = p())));
    s.topology.aggregates.forEach(
      (a: Doc) => (
        (a.description = p()),
        a.commands.forEach((c: Doc) => ((c.description = p()), (c.rejectWith = p())))
      ),
    );
    s.topology.projections.forEach((x: Doc) => ((x.title = p()), (x.description = p())));
    s.topology.services.forEach((x: Doc) => ((x.label = p()), (x.description = p())));
    s.steps.forEach((step: Doc) => {
      step.title = p();
      step.narration = p();
      if (step.question) {
        step.question.prompt = p();
        step.question.explanation = p();
        step.question.choices?.forEach((c: Doc) => (c.text = p()));
      }
      if (step.action.kind === 'publish') step.action.event.data.comment = p();
    });
    const r = importScenarioText(JSON.stringify(s));
    expect(r.ok ? [] : r.issues).toEqual([]);
    if (!r.ok) return;
    expect(r.scenario).toEqual(s);
    expect(r.scenario.title).toBe('<script>alert(1)</script>');
    const again = importScenarioText(exportScenarioText(r.scenario));
    expect(again.ok && again.scenario).toEqual(s);
  });
});
