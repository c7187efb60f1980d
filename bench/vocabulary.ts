import { Random, Zipf } from './random.ts';

// The most frequent words of English prose: they take the top ranks, as they do in real posts.
const functionWords = `the of and to a in is that it for on was with as be by this are at from or an have not
but we which you can they has their more one all will there been when what so if would about into than its
our only also out these other some them how may then most like just because up very such over`.split(/\s+/);

// Words a blog of conference-talk posts is made of; they take the next ranks.
const topicWords = `system systems distributed database databases testing test tests talk talks conference
keynote slides video paper papers code software engineering engineer engineers design architecture service
services microservices cloud kubernetes container containers docker cluster clusters node nodes network
networking latency throughput performance scale scaling scalability reliability availability consistency
consensus raft paxos replication partition partitions failure failures fault faults tolerance recovery
chaos observability monitoring tracing logging metrics alerting incident incidents postmortem outage
debugging profiling benchmark benchmarks memory garbage collector compiler compilers language languages rust
go golang java python ruby haskell erlang elixir scala kotlin swift javascript typescript react frontend
backend browser css html accessibility security privacy encryption cryptography authentication identity
stream streams streaming processing event events sourcing queue queues kafka pulsar actor actors concurrency
parallelism threads async await lock locks transaction transactions isolation serializability snapshot
storage disk ssd cache caching index indexes query queries sql nosql postgres mysql sqlite redis cassandra
spanner dynamo foundationdb jepsen simulation deterministic property fuzzing verification formal proof
proofs model checking types type inference functional programming object oriented patterns refactoring
legacy migration deployment deploy continuous integration delivery pipeline pipelines build builds release
releases version versioning api apis protocol protocols http grpc rest graphql websocket tcp udp dns load
balancer balancing proxy edge cdn mobile android ios app apps web platform platforms team teams culture
management leadership hiring career learning teaching community open source license maintainer maintainers
documentation writing review reviews pairing practice practices agile estimation product users user
experience research data science machine learning model models training inference gpu neural search
ranking recommendation analytics warehouse lake batch realtime time clock clocks ordering causality
vector crdt crdts collaboration offline sync synchronization operating kernel linux unix scheduler
virtual machine machines hardware embedded iot robotics game games graphics audio music art history future
lessons mistakes journey story stories introduction deep dive beyond scratch practical modern building
understanding designing scaling testing breaking running shipping measuring how why what`.split(/\s+/);

const onsets = [
  'b',
  'br',
  'c',
  'ch',
  'd',
  'dr',
  'f',
  'g',
  'gr',
  'k',
  'l',
  'm',
  'n',
  'p',
  'pl',
  'qu',
  'r',
  's',
  'sh',
  'st',
  't',
  'tr',
  'v',
  'w',
  'z',
];
const nuclei = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou', 'y'];
const codas = ['', '', 'n', 'r', 'l', 's', 'x', 'nd', 'rt', 'm', 'ck', 'st'];

/** A vocabulary ranked by frequency: function words, then topic words, then a long tail of made-up words. */
export interface Vocabulary {
  /** Every word, most frequent first. */
  readonly words: readonly string[];
  /** How many leading words are function words (never used alone as queries or titles). */
  readonly functionCount: number;
  /** Draws a word with Zipf-distributed frequency. */
  draw(random: Random): string;
  /** Draws a content word (not a function word), still Zipf-distributed. */
  drawContent(random: Random): string;
  /** Draws a real topic word (no made-up word), Zipf-distributed: what titles and headings are mostly made of. */
  drawTopic(random: Random): string;
}

/** Builds a vocabulary of `size` words (at least the real ones), the same for the same seed. */
export function buildVocabulary(seed: number, size = 5000): Vocabulary {
  const random = new Random(seed);
  const seen = new Set<string>([...functionWords, ...topicWords]);
  const topics = shuffled([...new Set(topicWords)], random);
  const madeUp: string[] = [];
  while (functionWords.length + topics.length + madeUp.length < size) {
    const syllables = random.int(2, 3);
    let word = '';
    for (let i = 0; i < syllables; i++) {
      word += random.pick(onsets) + random.pick(nuclei) + (i === syllables - 1 ? random.pick(codas) : '');
    }
    if (seen.has(word)) continue;
    seen.add(word);
    madeUp.push(word);
  }
  const words = [...functionWords, ...topics, ...madeUp];
  const zipf = new Zipf(words.length);
  return {
    words,
    functionCount: functionWords.length,
    draw: (r) => words[zipf.draw(r)] as string,
    drawContent: (r) => words[zipf.draw(r, functionWords.length)] as string,
    drawTopic: (r) =>
      words[zipf.draw(r, functionWords.length, functionWords.length + topics.length)] as string,
  };
}

function shuffled<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
