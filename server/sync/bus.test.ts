import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisPubSub } from '../storage/redis-store';
import { startRedis, type TestRedis } from '../../tests/helpers/redis-server';
import { waitFor } from '../../tests/helpers/clients';
import {
	createPubSubBus,
	decodeBusMessage,
	encodeBusMessage,
	type BusMessage,
	type PlanBus
} from './bus';

let redis: TestRedis;
const closers: Array<() => Promise<void>> = [];

async function bus(instanceId: string): Promise<PlanBus> {
	const pubsub = await createRedisPubSub({
		url: redis.url,
		logger: { error() {}, warn() {} }
	});
	const created = createPubSubBus(pubsub, instanceId, () => {});
	closers.push(() => created.close());
	return created;
}

beforeAll(async () => {
	redis = await startRedis();
});

afterAll(async () => {
	for (const close of closers) await close();
	await redis.stop();
});

const update = (n: number): BusMessage => ({ kind: 'update', payload: new Uint8Array([n, 1, 2]) });

describe('plan bus over Redis pub/sub', () => {
	it('unsubscribing one room keeps a newer room of the same plan subscribed', async () => {
		const x = await bus('x');
		const y = await bus('y');
		const oldRoom: BusMessage[] = [];
		const newRoom: BusMessage[] = [];
		const unsubscribeOld = await x.subscribe('plan1', (m) => oldRoom.push(m));
		await x.subscribe('plan1', (m) => newRoom.push(m));
		await unsubscribeOld();
		await y.publish('plan1', update(7));
		await waitFor(() => newRoom.length === 1, 'the newer room still receives');
		expect([...newRoom[0].payload]).toEqual([7, 1, 2]);
		expect(oldRoom).toHaveLength(0);
	});

	it('instances with the same INSTANCE_ID hear each other, but nobody hears itself', async () => {
		const first = await bus('mitplan');
		const second = await bus('mitplan');
		const atFirst: BusMessage[] = [];
		const atSecond: BusMessage[] = [];
		await first.subscribe('plan2', (m) => atFirst.push(m));
		await second.subscribe('plan2', (m) => atSecond.push(m));
		await first.publish('plan2', update(1));
		await waitFor(() => atSecond.length === 1, 'second hears first');
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(atFirst).toHaveLength(0);
	});

	it('encodes and decodes messages and rejects garbage', () => {
		const encoded = encodeBusMessage('inst-1', { kind: 'awareness', payload: new Uint8Array([9]) });
		expect(decodeBusMessage(encoded)).toEqual({
			instanceId: 'inst-1',
			message: { kind: 'awareness', payload: new Uint8Array([9]) }
		});
		expect(decodeBusMessage(Buffer.from([7, 0]))).toBeNull();
		expect(decodeBusMessage(Buffer.from([0, 50, 1]))).toBeNull();
		expect(decodeBusMessage(Buffer.from([]))).toBeNull();
	});
});
