import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';

/** The insights tables: questions asked, feedback given, and the salt that hashes who gave it. */
export interface InsightTables {
  questions: {
    id: string;
    asked_at: number;
    /** The query as typed. */
    query: string;
    /** The URLs shown, a JSON array, best first. */
    urls: string;
    /** 1 when something was shown, 0 for "nothing matched". */
    answered: number;
    /** Where it was asked: command, mention, dm, tip. */
    surface: string;
  };
  feedback: {
    question_id: string;
    /** A salted hash of who gave it, only to count one vote per person; never the user ID. */
    person: string;
    at: number;
    outcome: 'helpful' | 'unhelpful';
    note: string | null;
    query: string;
    urls: string;
  };
  insights_salt: {
    id: number;
    salt: string;
  };
}

/** One question, as an answer records it. */
export interface QuestionRecord {
  readonly id: string;
  readonly query: string;
  readonly urls: readonly string[];
  readonly surface: 'command' | 'mention' | 'dm' | 'tip';
}

/** A reader's verdict on one answer or tip. */
export interface FeedbackRecord {
  readonly questionId: string;
  /** The Slack user ID: hashed with the store's salt before it is stored, never kept. */
  readonly user: string;
  readonly outcome: 'helpful' | 'unhelpful';
  readonly query: string;
  readonly urls: readonly string[];
}

/** What `talkbot insights` and the Home tab summarise. */
export interface InsightRows {
  readonly questions: readonly { query: string; answered: boolean; askedAt: Date }[];
  readonly feedback: readonly {
    query: string;
    urls: string[];
    outcome: 'helpful' | 'unhelpful';
    note: string | null;
    at: Date;
  }[];
}

/**
 * Questions and feedback, kept with care: the query, the URLs shown, the outcome and when, and a salted
 * hash of who voted (so one person counts once) but never a user ID or name; rows older than the retention
 * (`INSIGHTS_DAYS`) are deleted by `prune`.
 */
export class Insights {
  readonly #db: Kysely<InsightTables>;
  #salt: Promise<string> | null = null;

  constructor(db: Kysely<InsightTables>) {
    this.#db = db;
  }

  /** Records a question and what was shown for it. */
  async asked(question: QuestionRecord, now = Date.now()): Promise<void> {
    await this.#db
      .insertInto('questions')
      .values({
        id: question.id,
        asked_at: now,
        query: question.query,
        urls: JSON.stringify(question.urls),
        answered: question.urls.length > 0 ? 1 : 0,
        surface: question.surface,
      })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .execute();
  }

  /** Records a 👍 or 👎; a second click by the same person on the same answer changes their vote. */
  async rated(feedback: FeedbackRecord, now = Date.now()): Promise<void> {
    const person = await this.#person(feedback.user);
    // A tip's vote carries no URLs of its own: they were recorded with the tip.
    const urls =
      feedback.urls.length > 0
        ? feedback.urls
        : parseUrls(
            (
              await this.#db
                .selectFrom('questions')
                .select('urls')
                .where('id', '=', feedback.questionId)
                .executeTakeFirst()
            )?.urls ?? '[]',
          );
    await this.#db
      .insertInto('feedback')
      .values({
        question_id: feedback.questionId,
        person,
        at: now,
        outcome: feedback.outcome,
        note: null,
        query: feedback.query,
        urls: JSON.stringify(urls),
      })
      .onConflict((conflict) =>
        conflict.columns(['question_id', 'person']).doUpdateSet({ outcome: feedback.outcome, at: now }),
      )
      .execute();
  }

  /** Keeps the answer to "What were you looking for?" with that person's vote on that answer. */
  async noted(questionId: string, user: string, note: string): Promise<boolean> {
    const person = await this.#person(user);
    const result = await this.#db
      .updateTable('feedback')
      .set({ note })
      .where('question_id', '=', questionId)
      .where('person', '=', person)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Everything recorded at or after `since`, for a summary. */
  async since(since: Date): Promise<InsightRows> {
    const from = since.getTime();
    const questions = await this.#db
      .selectFrom('questions')
      .select(['query', 'answered', 'asked_at'])
      .where('asked_at', '>=', from)
      // A posted tip is recorded so that votes on it know what it showed; it is not a question.
      .where('surface', '!=', 'tip')
      .orderBy('asked_at')
      .execute();
    const feedback = await this.#db
      .selectFrom('feedback')
      .select(['query', 'urls', 'outcome', 'note', 'at'])
      .where('at', '>=', from)
      .orderBy('at')
      .execute();
    return {
      questions: questions.map((q) => ({
        query: q.query,
        answered: Number(q.answered) === 1,
        askedAt: new Date(Number(q.asked_at)),
      })),
      feedback: feedback.map((f) => ({
        query: f.query,
        urls: parseUrls(f.urls),
        outcome: f.outcome,
        note: f.note,
        at: new Date(Number(f.at)),
      })),
    };
  }

  /** Deletes questions and feedback older than `before`; returns how many rows went. */
  async prune(before: Date): Promise<number> {
    const q = await this.#db
      .deleteFrom('questions')
      .where('asked_at', '<', before.getTime())
      .executeTakeFirst();
    const f = await this.#db.deleteFrom('feedback').where('at', '<', before.getTime()).executeTakeFirst();
    return Number(q.numDeletedRows) + Number(f.numDeletedRows);
  }

  #person(user: string): Promise<string> {
    this.#salt ??= this.#db
      .selectFrom('insights_salt')
      .select('salt')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow()
      .then((row) => row.salt);
    return this.#salt.then((salt) => createHash('sha256').update(`${salt}\u0000${user}`).digest('hex'));
  }
}

function parseUrls(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((u): u is string => typeof u === 'string') : [];
  } catch {
    return [];
  }
}
