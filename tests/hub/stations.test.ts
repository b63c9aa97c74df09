import { generateKeyPairSync } from 'node:crypto';
import { expect, it } from 'vitest';
import { addStationKey, keyFingerprint, stationKey, StationKeyTakenError } from '../../hub/db/repositories/stations';
import { PROVINCE, registerStation } from './support/batches';
import { describeOnBothEngines } from './support/both-engines';

function stationPublicKey(): Buffer {
  return generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' });
}

describeOnBothEngines('station keys: a key belongs to one station', (open) => {
  it('refuses by constraint a key another station holds, and keeps it with its owner', async () => {
    const hub = await open();
    await registerStation(hub.db, 'KMU01');
    await registerStation(hub.db, 'YNU02');
    const key = stationPublicKey();
    const fingerprint = keyFingerprint(key);
    const registeredAt = '2026-11-02T00:00:00.000Z';

    expect(await addStationKey(hub.db, { provinceCode: PROVINCE, stationCode: 'KMU01', publicKeySpki: key, registeredAt })).toEqual({ fingerprint, added: true });
    // Offered again for its own station: nothing changes.
    expect(await addStationKey(hub.db, { provinceCode: PROVINCE, stationCode: 'KMU01', publicKeySpki: key, registeredAt })).toEqual({ fingerprint, added: false });
    const taken = addStationKey(hub.db, { provinceCode: PROVINCE, stationCode: 'YNU02', publicKeySpki: key, registeredAt });
    await expect(taken).rejects.toBeInstanceOf(StationKeyTakenError);
    await expect(taken).rejects.toMatchObject({ ownerStationCode: 'KMU01', fingerprint });

    const held = await stationKey(hub.db, PROVINCE, fingerprint);
    expect(held).toMatchObject({ stationCode: 'KMU01', fingerprint, registeredAt });
    expect(held?.publicKeySpki.equals(key)).toBe(true);
  });

  it('lets a station hold several keys (a new one after reinstalling)', async () => {
    const hub = await open();
    await registerStation(hub.db, 'KMU01');
    const registeredAt = '2026-11-02T00:00:00.000Z';
    for (const key of [stationPublicKey(), stationPublicKey()]) {
      expect((await addStationKey(hub.db, { provinceCode: PROVINCE, stationCode: 'KMU01', publicKeySpki: key, registeredAt })).added).toBe(true);
    }
  });
});
