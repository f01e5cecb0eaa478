import { describe, expect, test } from 'vitest';
import { LoginThrottle, sameToken, SessionStore } from '../../desk/sessions.ts';

describe('desk sessions', () => {
  test('ids are 32 random bytes; sessions expire when idle and after an absolute limit', () => {
    let now = 0;
    const store = new SessionStore({ idleMs: 1000, absoluteMs: 5000 }, () => now);
    const session = store.create('zhangsan');
    expect(Buffer.from(session.id, 'base64url')).toHaveLength(32);
    expect(store.create('zhangsan').id).not.toBe(session.id);
    now = 900;
    expect(store.get(session.id)?.username).toBe('zhangsan');
    now = 1800; // 900 ms since last seen: still alive
    expect(store.get(session.id)).toBeDefined();
    now = 2900; // idle for 1100 ms
    expect(store.get(session.id)).toBeUndefined();
    now = 3000;
    const busy = store.create('lisi');
    for (now = 3500; now <= 8000; now += 500) expect(store.get(busy.id)).toBeDefined(); // never idle
    now = 8001;
    expect(store.get(busy.id)).toBeUndefined();
  });

  test('login rotates the session id and logout ends the session', () => {
    const store = new SessionStore();
    const anonymous = store.create();
    const loggedIn = store.rotate(anonymous.id, 'zhangsan');
    expect(loggedIn.id).not.toBe(anonymous.id);
    expect(loggedIn.csrfToken).not.toBe(anonymous.csrfToken);
    expect(store.get(anonymous.id)).toBeUndefined();
    store.destroy(loggedIn.id);
    expect(store.get(loggedIn.id)).toBeUndefined();
  });

  test('CSRF tokens compare exactly', () => {
    expect(sameToken('abc', 'abc')).toBe(true);
    expect(sameToken('abc', 'abd')).toBe(false);
    expect(sameToken('abc', 'ab')).toBe(false);
    expect(sameToken('abc', undefined)).toBe(false);
  });

  test('five failures per IP or per user name within 15 minutes block further logins until the window passes', () => {
    let now = 0;
    const throttle = new LoginThrottle({ failures: 5, windowMs: 15 * 60_000 }, () => now);
    for (let i = 0; i < 4; i++) throttle.recordFailure('10.0.0.1', 'zhangsan');
    expect(throttle.blockedFor('10.0.0.1', 'zhangsan')).toBeUndefined();
    throttle.recordFailure('10.0.0.2', 'zhangsan');
    expect(throttle.blockedFor('10.0.0.3', 'zhangsan')).toBe(15); // the user name, from any address
    expect(throttle.blockedFor('10.0.0.1', 'lisi')).toBeUndefined();
    for (let i = 0; i < 5; i++) throttle.recordFailure('10.0.0.9', `user${i}`);
    expect(throttle.blockedFor('10.0.0.9', 'wangwu')).toBeGreaterThan(0); // the address, whatever the name
    now = 15 * 60_000 + 1;
    expect(throttle.blockedFor('10.0.0.3', 'zhangsan')).toBeUndefined();
  });
});
