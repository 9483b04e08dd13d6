import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { keepProtocolExchangesTogether } from "./embeddedQueue.js";

/** Folder (inside the data folder) that holds the embedded cluster's files. */
export const EMBEDDED_PGDATA = "pgdata";
const LOCK_FILE = "hub.pid";
/** pg connects to `<host>/.s.PGSQL.<port>` when host is a directory. */
const SOCKET_PORT = 5432;
/**
 * The API pool, BullMQ's pool and its LISTEN connections all connect here. PGlite runs one query
 * at a time whatever this is; it only needs to be high enough that no client is refused.
 */
const MAX_SOCKET_CONNECTIONS = 64;

export interface EmbeddedPostgres {
  /** pg connection settings for the unix socket. */
  connection: { host: string; port: number; user: string; database: string };
  stop(): Promise<void>;
}

/**
 * Starts PGlite persisted in `<dataDir>/pgdata` and serves it on a unix socket in the data folder,
 * so the hub talks to it with the same `pg` driver and SQL as to a real server. A pid file keeps a
 * second process (say `forecourt migrate` while `forecourt start` runs) from opening the same
 * files, which PGlite does not guard against.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  await mkdir(dataDir, { recursive: true });
  await claimDataDir(dataDir);
  const socketPath = path.join(dataDir, `.s.PGSQL.${SOCKET_PORT}`);
  if (Buffer.byteLength(socketPath) > 100) {
    await releaseDataDir(dataDir);
    throw new Error(
      `FORECOURT_DATA_DIR is too long for a unix socket (${socketPath}); use a shorter path`,
    );
  }
  // A socket left by a process that crashed would make listen() fail with EADDRINUSE.
  await rm(socketPath, { force: true });
  let db: PGlite | undefined;
  try {
    db = await PGlite.create(path.join(dataDir, EMBEDDED_PGDATA));
    const server = new PGLiteSocketServer({
      db,
      path: socketPath,
      maxConnections: MAX_SOCKET_CONNECTIONS,
    });
    keepProtocolExchangesTogether(server, db);
    await server.start();
    const pglite = db;
    return {
      connection: { host: dataDir, port: SOCKET_PORT, user: "postgres", database: "postgres" },
      async stop() {
        await server.stop();
        await pglite.close();
        await rm(socketPath, { force: true });
        await releaseDataDir(dataDir);
      },
    };
  } catch (error) {
    await db?.close().catch(() => {});
    await releaseDataDir(dataDir);
    throw error;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Data folders this process has open (the pid file cannot tell two opens in one process apart). */
const claimedHere = new Set<string>();

async function claimDataDir(dataDir: string): Promise<void> {
  if (claimedHere.has(dataDir)) {
    throw new Error(`The data folder ${dataDir} is in use by this process already`);
  }
  const file = path.join(dataDir, LOCK_FILE);
  try {
    const pid = Number((await readFile(file, "utf8")).trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) {
      throw new Error(
        `The data folder ${dataDir} is in use by another Forecourt process (pid ${pid}); stop it first`,
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await writeFile(file, `${process.pid}\n`, { mode: 0o600 });
  claimedHere.add(dataDir);
}

async function releaseDataDir(dataDir: string): Promise<void> {
  claimedHere.delete(dataDir);
  await rm(path.join(dataDir, LOCK_FILE), { force: true });
}
