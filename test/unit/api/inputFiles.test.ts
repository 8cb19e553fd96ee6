import * as assert from 'node:assert/strict';
import { ApiError } from '../../../src/api/errors';
import { FilesClient, MIN_FILE_EXPIRY_SECONDS } from '../../../src/api/filesClient';
import { useEmulator } from '../../support/harness';

describe("the Files API for an eval's input files", () => {
  const api = useEmulator();
  const data = new TextEncoder().encode('name,age\nAda,36\n');

  it('uploads one file by its base name with an expiry, and deletes it after the run', async () => {
    const files = new FilesClient(api.apiOptions());
    const before = Date.now();
    const info = await files.uploadFile({ path: 'evals/files/people.csv', data }, MIN_FILE_EXPIRY_SECONDS);
    assert.equal(info.filename, 'people.csv', 'only the base name goes up');
    assert.equal(info.sizeBytes, data.byteLength);
    assert.ok(Date.parse(info.expiresAt!) >= before + 3600_000 - 1000);
    const [sent] = api.emulator.log;
    assert.deepEqual(
      sent.files.map((f) => [f.field, f.filename]),
      [['file', 'people.csv']],
    );
    assert.equal(sent.fields.expires_in_seconds, '3600');
    assert.deepEqual([...api.emulator.files.get(info.id)!.data], [...data]);

    await files.deleteFile(info.id);
    assert.equal(api.emulator.files.has(info.id), false);
    await assert.rejects(files.deleteFile(info.id), (err) => err instanceof ApiError && err.kind === 'notFound');
  });

  it("an expiry out of the API's range is refused with what it takes", async () => {
    const files = new FilesClient(api.apiOptions());
    await assert.rejects(
      files.uploadFile({ path: 'a.txt', data }, 60),
      (err) => err instanceof ApiError && /between 3600 and 7776000/.test(err.message),
    );
    assert.equal(api.emulator.files.size, 0);
  });
});
