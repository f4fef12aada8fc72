/** `newsbot register` for Discord: the PUT body built from the command definitions. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { commands } from '../../../commands/index.ts';
import { registerDiscordCommands } from '../../../src/adapters/discord/index.ts';
import { startFakeDiscord, type FakeDiscord } from '../../helpers/fake-discord.ts';
import { CANARY_TOKEN } from './setup.ts';

describe('registerDiscordCommands', () => {
  let fake: FakeDiscord;
  before(async () => {
    fake = await startFakeDiscord({ token: CANARY_TOKEN });
  });
  after(async () => {
    await fake?.stop();
  });

  test('publishes every command globally with typed, localized options', async () => {
    const res = await registerDiscordCommands({ token: CANARY_TOKEN, appId: fake.appId, apiUrl: fake.apiUrl });
    assert.deepEqual(res, { count: commands.length, scope: 'global' });
    const reg = fake.registrations.at(-1)!;
    assert.equal(reg.scope, 'global');
    assert.deepEqual(reg.body.map((c: any) => c.name), commands.map((c) => c.name));
    for (const [i, c] of commands.entries()) {
      const sent = reg.body[i];
      assert.equal(sent.type, 1);
      assert.ok(sent.description.length >= 1 && sent.description.length <= 100);
      if (Array.from(c.description['zh-TW']).length <= 100) assert.equal(sent.description_localizations['zh-TW'], c.description['zh-TW']);
      if (c.description.en.length <= 100) assert.equal(sent.description, c.description.en);
      assert.deepEqual(sent.contexts, [0, 1], 'usable in guilds and DMs');
      // Required options first (Discord rejects the other order), nothing lost.
      const requiredFlags = sent.options.map((o: any) => o.required);
      assert.deepEqual(requiredFlags, [...requiredFlags].sort((a: boolean, b: boolean) => Number(b) - Number(a)));
      assert.equal(sent.options.length, c.options.length);
      for (const o of c.options) {
        const so = sent.options.find((x: any) => x.name === o.name);
        assert.ok(so, `${c.name} ${o.name}`);
        assert.equal(so.type, o.type === 'integer' ? 4 : 3);
        assert.equal(so.required, o.required);
        if (o.min !== undefined) assert.equal(so.min_value, o.min);
        if (o.max !== undefined) assert.equal(so.max_value, o.max);
        assert.equal(so.autocomplete ?? false, Boolean(o.autocomplete));
        assert.ok(so.description_localizations['zh-TW']);
      }
    }
    assert.equal(fake.requests.at(-1)!.authorization, `Bot ${CANARY_TOKEN}`);
  });

  test('with a guild id it registers in that guild only', async () => {
    const res = await registerDiscordCommands({ token: CANARY_TOKEN, appId: fake.appId, apiUrl: fake.apiUrl, guildId: '300000000000000009' });
    assert.equal(res.scope, 'guild');
    assert.equal(fake.registrations.at(-1)!.scope, '300000000000000009');
  });

  test('a refused registration is a one-line error without the token', async () => {
    await assert.rejects(
      registerDiscordCommands({ token: CANARY_TOKEN, appId: '999', apiUrl: fake.apiUrl }),
      (err: Error) => /registering commands failed: HTTP 403 50001/.test(err.message) && !err.message.includes(CANARY_TOKEN) && !err.message.includes('\n'),
    );
    await assert.rejects(registerDiscordCommands({ token: 'wrong-token-xyz', appId: fake.appId, apiUrl: fake.apiUrl }), /HTTP 401/);
  });
});
