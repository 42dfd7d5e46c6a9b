import { describe, expect, it } from 'vitest';
import type { ContractContext } from './context.js';
import { sleep } from './helpers.js';

export function describeKeyMaterialContract(ctx: ContractContext): void {
  describe('key material', () => {
    it('creates once and returns the stored value after that', async () => {
      let calls = 0;
      const create = () => ({ keys: [{ kid: `k${++calls}` }] });
      const first = await ctx.store.keys.getOrCreate('jwks', create);
      const second = await ctx.store.keys.getOrCreate('jwks', create);
      expect(first).toEqual({ keys: [{ kid: 'k1' }] });
      expect(second).toEqual(first);
      expect(calls).toBe(1);
      first.keys.push({ kid: 'mutated' });
      expect(await ctx.store.keys.getOrCreate('jwks', create)).toEqual({ keys: [{ kid: 'k1' }] });
      expect(await ctx.store.keys.getOrCreate('cookie', () => 'secret')).toBe('secret');
    });

    it('gives every racer, in every store, the one value that won', async () => {
      const other = await ctx.openAnother();
      const racers = Array.from({ length: 8 }, (_, n) =>
        (n % 2 === 0 ? ctx.store : other).keys.getOrCreate('signing', async () => {
          await sleep(Math.random() * 20);
          return `value-${n}`;
        }),
      );
      const values = await Promise.all(racers);
      expect(new Set(values).size).toBe(1);
      expect(values[0]).toMatch(/^value-\d$/);
      expect(await other.keys.getOrCreate('signing', () => 'late')).toBe(values[0]);
    });
  });
}

export function describeRecordsContract(ctx: ContractContext): void {
  describe('records', () => {
    it('puts, gets, replaces and deletes', async () => {
      const { records } = ctx.store;
      expect(await records.get('issue', 'OPS-1')).toBeNull();
      await records.put('issue', 'OPS-1', { title: 'first', tags: ['a'] });
      expect(await records.get('issue', 'OPS-1')).toEqual({ title: 'first', tags: ['a'] });
      await records.put('issue', 'OPS-1', { title: 'second' });
      expect(await records.get('issue', 'OPS-1')).toEqual({ title: 'second' });
      expect(await records.get('page', 'OPS-1')).toBeNull();
      expect(await records.delete('issue', 'OPS-1')).toBe(true);
      expect(await records.delete('issue', 'OPS-1')).toBe(false);
      expect(await records.get('issue', 'OPS-1')).toBeNull();
    });

    it('creates only when the id is free', async () => {
      expect(await ctx.store.records.create('issue', 'OPS-1', { v: 1 })).toBe(true);
      expect(await ctx.store.records.create('issue', 'OPS-1', { v: 2 })).toBe(false);
      expect(await ctx.store.records.get('issue', 'OPS-1')).toEqual({ v: 1 });
    });

    it('lists one kind in id order', async () => {
      for (const id of ['b', 'a', 'c', 'B']) await ctx.store.records.put('issue', id, { id });
      await ctx.store.records.put('page', 'p', { id: 'p' });
      expect(await ctx.store.records.list('issue')).toEqual([
        { id: 'B' },
        { id: 'a' },
        { id: 'b' },
        { id: 'c' },
      ]);
      expect(await ctx.store.records.list('none')).toEqual([]);
    });

    it('counts each sequence from 1 without gaps or repeats, across stores', async () => {
      const other = await ctx.openAnother();
      expect(await ctx.store.records.nextSequence('OPS')).toBe(1);
      expect(await ctx.store.records.nextSequence('OPS')).toBe(2);
      expect(await ctx.store.records.nextSequence('FIN')).toBe(1);
      const numbers = await Promise.all(
        Array.from({ length: 60 }, (_, n) =>
          (n % 2 ? other : ctx.store).records.nextSequence('OPS'),
        ),
      );
      expect([...numbers].sort((a, b) => a - b)).toEqual(
        Array.from({ length: 60 }, (_, n) => n + 3),
      );
    });
  });
}
