/**
 * Server-side sessions, CSRF tokens and the login rate limit of the desk.
 * Sessions live in memory: a restart logs everyone out, which is the safe
 * failure. A session id is 32 random bytes; the browser holds only that id.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export interface Session {
  id: string;
  /** Undefined before login: the login form's own session, for its CSRF token. */
  username?: string;
  csrfToken: string;
  created: number;
  lastSeen: number;
}

export interface SessionLimits {
  /** Logged out after this long without a request. */
  idleMs: number;
  /** Logged out this long after login, however active. */
  absoluteMs: number;
}

const DEFAULT_SESSION_LIMITS: SessionLimits = { idleMs: 30 * 60_000, absoluteMs: 8 * 60 * 60_000 };

export const SESSION_COOKIE = 'desk_session';

const randomId = () => randomBytes(32).toString('base64url');

export function sameToken(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export class SessionStore {
  readonly #sessions = new Map<string, Session>();
  readonly #limits: SessionLimits;
  readonly #now: () => number;

  constructor(limits: SessionLimits = DEFAULT_SESSION_LIMITS, now: () => number = Date.now) {
    this.#limits = limits;
    this.#now = now;
  }

  /** A new session, anonymous or for `username`. */
  create(username?: string): Session {
    const now = this.#now();
    const session: Session = { id: randomId(), csrfToken: randomId(), created: now, lastSeen: now, ...(username ? { username } : {}) };
    this.#sessions.set(session.id, session);
    return session;
  }

  /** The live session with this id (its idle clock restarted), or undefined when unknown or expired. */
  get(id: string | undefined): Session | undefined {
    if (!id) return undefined;
    const session = this.#sessions.get(id);
    if (!session) return undefined;
    const now = this.#now();
    if (now - session.lastSeen > this.#limits.idleMs || now - session.created > this.#limits.absoluteMs) {
      this.#sessions.delete(id);
      return undefined;
    }
    session.lastSeen = now;
    return session;
  }

  /** Login: the old session (if any) is dropped and a new id issued, so an id planted before login is worthless. */
  rotate(oldId: string | undefined, username: string): Session {
    if (oldId) this.#sessions.delete(oldId);
    return this.create(username);
  }

  destroy(id: string | undefined): void {
    if (id) this.#sessions.delete(id);
  }

  /** Drops expired sessions; called now and then so the map does not grow. */
  sweep(): void {
    for (const id of [...this.#sessions.keys()]) this.get(id);
  }
}

export interface ThrottleLimits {
  failures: number;
  windowMs: number;
}

const DEFAULT_THROTTLE: ThrottleLimits = { failures: 5, windowMs: 15 * 60_000 };

/** Failed logins per IP address and per user name; past the limit, further attempts are refused until the window passes. */
export class LoginThrottle {
  readonly #failures = new Map<string, number[]>();
  readonly #limits: ThrottleLimits;
  readonly #now: () => number;

  constructor(limits: ThrottleLimits = DEFAULT_THROTTLE, now: () => number = Date.now) {
    this.#limits = limits;
    this.#now = now;
  }

  #recent(key: string): number[] {
    const since = this.#now() - this.#limits.windowMs;
    const recent = (this.#failures.get(key) ?? []).filter((time) => time > since);
    if (recent.length) this.#failures.set(key, recent);
    else this.#failures.delete(key);
    return recent;
  }

  /** Minutes to wait when this IP or user name has used up its attempts, else undefined. */
  blockedFor(ip: string, username: string): number | undefined {
    const keys = [`ip:${ip}`, `user:${username}`];
    const full = keys.map((key) => this.#recent(key)).filter((times) => times.length >= this.#limits.failures);
    if (full.length === 0) return undefined;
    const oldest = Math.max(...full.map((times) => times[times.length - this.#limits.failures]!));
    return Math.max(1, Math.ceil((oldest + this.#limits.windowMs - this.#now()) / 60_000));
  }

  recordFailure(ip: string, username: string): void {
    for (const key of [`ip:${ip}`, `user:${username}`]) this.#failures.set(key, [...this.#recent(key), this.#now()]);
  }

  /** After a successful login the user name's count starts again (the IP's does not). */
  recordSuccess(username: string): void {
    this.#failures.delete(`user:${username}`);
  }
}
