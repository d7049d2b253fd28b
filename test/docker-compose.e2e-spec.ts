/**
 * Static checks of the container setup in docker/ (no Docker engine needed): the two Compose files,
 * the Dockerfile and its ignore file. They catch the mistakes that otherwise only show when a stack
 * is started: a misspelt EventStoreDB setting (24.10 refuses to start on unknown options), a
 * connection string the client cannot parse or that points at the wrong hosts, certificates whose
 * SANs do not match the node addresses, an undeclared volume, a missing health check.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseConnectionString } from '@eventstore/db-client/dist/Client/parseConnectionString';

import { load as parseYaml } from 'js-yaml';

const repoRoot = resolve(__dirname, '..');
const dockerDir = join(repoRoot, 'docker');
const read = (file: string): string => readFileSync(join(dockerDir, file), 'utf8');

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
function dict(v: unknown, what: string): Dict {
  if (!isDict(v)) throw new Error(`${what} should be a mapping, got ${JSON.stringify(v)}`);
  return v;
}

/** Compose variable interpolation with an empty environment: ${X:-default}, ${X-default}, ${X}, $X, $$. */
function interpolate(value: string, env: Record<string, string> = {}): string {
  return value.replace(/\$\$|\$\{([A-Za-z_]\w*)(?:(:?-)([^}]*))?\}|\$([A-Za-z_]\w*)/g, (m, braced, op, fallback, bare) => {
    if (m === '$$') return '$';
    const name = (braced ?? bare) as string;
    const set = env[name];
    if (op === ':-') return set ? set : fallback;
    if (op === '-') return set ?? fallback;
    return set ?? '';
  });
}

interface Compose {
  services: Record<string, Dict>;
  volumes: Dict;
  networks: Dict;
  raw: Dict;
}
function loadCompose(file: string): Compose {
  const raw = dict(parseYaml(read(file)), file);
  const services = dict(raw.services, `${file} services`);
  return {
    services: Object.fromEntries(Object.entries(services).map(([k, v]) => [k, dict(v, `service ${k}`)])),
    volumes: isDict(raw.volumes) ? raw.volumes : {},
    networks: isDict(raw.networks) ? raw.networks : {},
    raw,
  };
}

/** A service's environment (map or KEY=VALUE list), interpolated. */
function envOf(service: Dict): Record<string, string> {
  const env = service.environment;
  const pairs: [string, string][] = Array.isArray(env)
    ? env.map((e) => String(e)).map((e) => [e.split('=')[0], e.slice(e.indexOf('=') + 1)])
    : Object.entries(isDict(env) ? env : {}).map(([k, v]) => [k, v === null ? '' : String(v)]);
  return Object.fromEntries(pairs.map(([k, v]) => [k, interpolate(v)]));
}

/** depends_on as { service: condition } (the short list form means service_started). */
function dependsOn(service: Dict): Record<string, string> {
  const d = service.depends_on;
  if (Array.isArray(d)) return Object.fromEntries(d.map((s) => [String(s), 'service_started']));
  return Object.fromEntries(Object.entries(isDict(d) ? d : {}).map(([k, v]) => [k, String(dict(v, `depends_on.${k}`).condition)]));
}

interface Mount {
  source: string;
  target: string;
  readOnly: boolean;
}
/** Short-syntax or long-syntax volume mounts. */
function mountsOf(service: Dict): Mount[] {
  const volumes = Array.isArray(service.volumes) ? service.volumes : [];
  return volumes.map((v) => {
    if (typeof v === 'string') {
      const [source, target, mode = ''] = v.split(':');
      return { source, target, readOnly: mode.split(',').includes('ro') };
    }
    const m = dict(v, 'volume');
    return { source: String(m.source), target: String(m.target), readOnly: m.read_only === true };
  });
}
const isNamedVolume = (source: string): boolean => !/^[./~]/.test(source);

function healthTest(service: Dict): string {
  const hc = dict(service.healthcheck, 'healthcheck');
  expect(hc.disable).not.toBe(true);
  return Array.isArray(hc.test) ? hc.test.map(String).join(' ') : String(hc.test);
}

function portsOf(service: Dict): string[] {
  return (Array.isArray(service.ports) ? service.ports : []).map((p) =>
    isDict(p) ? `${p.published ?? ''}:${p.target}` : interpolate(String(p)),
  );
}

/**
 * EventStoreDB 24.10 settings (ClusterVNodeOptions) that these files may use. The server refuses
 * to start on an unknown EVENTSTORE_* variable (AllowUnknownOptions defaults to false), and several
 * older names are gone or deprecated (ExtTcpPort, EnableExternalTcp, IntIp, ExtIp, HttpPort, ...).
 */
const ESDB_24_10_OPTIONS = `
  Insecure AllowAnonymousEndpointAccess AllowAnonymousStreamAccess OverrideAnonymousEndpointAccessForGossip
  DisableHttpCaching StatsPeriodSec WorkerThreads MaxAppendSize LogHttpRequests LogFailedAuthenticationAttempts
  TelemetryOptout DefaultAdminPassword DefaultOpsPassword
  Log LogLevel LogConsoleFormat LogFileRetentionCount DisableLogFile
  CertificateFile CertificatePrivateKeyFile CertificatePassword CertificatePrivateKeyPassword
  TrustedRootCertificatesPath CertificateReservedNodeCommonName
  ClusterSize NodePriority DiscoverViaDns ClusterDns ClusterGossipPort GossipSeed GossipIntervalMs
  GossipAllowedDifferenceMs GossipTimeoutMs ReadOnlyReplica DeadMemberRemovalPeriodSec LeaderElectionTimeoutMs
  Db Index MemDb SkipDbVerify WriteStatsToDb
  NodeIp NodePort ReplicationIp ReplicationPort NodeHostAdvertiseAs ReplicationHostAdvertiseAs
  AdvertiseHostToClientAs AdvertiseNodePortToClientAs NodePortAdvertiseAs ReplicationTcpPortAdvertiseAs
  ReplicationHeartbeatInterval ReplicationHeartbeatTimeout DisableAdminUi DisableStatsOnHttp DisableGossipOnHttp
  EnableTrustedAuth EnableAtomPubOverHttp KeepAliveInterval KeepAliveTimeout
  RunProjections StartStandardProjections ProjectionThreads ProjectionsQueryExpiry FaultOutOfOrderProjections
  ProjectionCompilationTimeout ProjectionExecutionTimeout
`
  .split(/\s+/)
  .filter(Boolean);
/** ReplicationIp -> EVENTSTORE_REPLICATION_IP (the server's environment-variable naming). */
const esdbEnvName = (option: string): string => `EVENTSTORE_${option.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;
const KNOWN_ESDB_ENV = new Set(ESDB_24_10_OPTIONS.map(esdbEnvName));

function expectOnlyKnownEsdbSettings(env: Record<string, string>): void {
  const unknown = Object.keys(env).filter((k) => k.startsWith('EVENTSTORE_') && !KNOWN_ESDB_ENV.has(k));
  expect(unknown).toEqual([]);
}

function expectNamedVolumesDeclared(compose: Compose): void {
  for (const [name, service] of Object.entries(compose.services)) {
    for (const m of mountsOf(service).filter((m) => isNamedVolume(m.source))) {
      expect({ service: name, volume: m.source, declared: m.source in compose.volumes }).toEqual({
        service: name,
        volume: m.source,
        declared: true,
      });
    }
  }
}

function expectApiBuild(api: Dict): void {
  const build = dict(api.build, 'api.build');
  const context = resolve(dockerDir, String(build.context));
  expect(context).toBe(repoRoot);
  expect(existsSync(join(context, String(build.dockerfile)))).toBe(true);
  expect(existsSync(join(context, 'package.json'))).toBe(true);
}

describe('docker/docker-compose.yml (single node)', () => {
  const compose = loadCompose('docker-compose.yml');
  const { eventstore, api } = compose.services;

  it('defines the eventstore and api services', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'eventstore']);
  });

  it('runs an insecure single EventStoreDB 24.10 node with projections and AtomPub', () => {
    expect(eventstore.image).toMatch(/^eventstore\/eventstore:24\.10(\.\d+)?(-[\w.-]+)?$/);
    const env = envOf(eventstore);
    expect(env).toMatchObject({
      EVENTSTORE_CLUSTER_SIZE: '1',
      EVENTSTORE_INSECURE: 'true',
      EVENTSTORE_RUN_PROJECTIONS: 'All',
      EVENTSTORE_ENABLE_ATOM_PUB_OVER_HTTP: 'true',
    });
    expectOnlyKnownEsdbSettings(env);
    expect(portsOf(eventstore)).toContain('2113:2113');
  });

  it('keeps the data and the logs in declared named volumes', () => {
    const byTarget = Object.fromEntries(mountsOf(eventstore).map((m) => [m.target, m.source]));
    for (const target of ['/var/lib/eventstore', '/var/log/eventstore']) {
      expect(isNamedVolume(byTarget[target] ?? '')).toBe(true);
      expect(compose.volumes).toHaveProperty([byTarget[target]]);
    }
    expectNamedVolumesDeclared(compose);
  });

  it('health-checks the node on /health/live over plain HTTP', () => {
    expect(healthTest(eventstore)).toMatch(/curl .*http:\/\/localhost:2113\/health\/live/);
  });

  it('builds the api from the repository root with docker/Dockerfile', () => {
    expectApiBuild(api);
  });

  it('connects the api to the eventstore service without TLS, once the node is healthy', () => {
    const env = envOf(api);
    expect(env.NODE_ENV).toBe('production');
    const options = parseConnectionString(env.EVENTSTORE_CONNECTION_STRING);
    expect(options.hosts).toEqual([{ address: 'eventstore', port: 2113 }]);
    expect(options.tls).toBe(false);
    expect(dependsOn(api)).toEqual({ eventstore: 'service_healthy' });
    expect(portsOf(api)).toContain('3000:3000');
  });
});

describe('docker/docker-compose.cluster.yml (three secure nodes)', () => {
  const compose = loadCompose('docker-compose.cluster.yml');
  const { api } = compose.services;
  const certGen = compose.services['cert-gen'];
  const nodes = ['node1', 'node2', 'node3'];
  const certScript = [certGen.entrypoint, certGen.command].flat().map(String).join('\n');
  const ipamConfig = dict(dict(compose.networks.esdb, 'networks.esdb').ipam, 'networks.esdb.ipam').config;
  const ipam = dict(Array.isArray(ipamConfig) ? ipamConfig[0] : undefined, 'networks.esdb.ipam.config[0]');

  /** The node's fixed address on the cluster network. */
  const nodeIp = (name: string): string =>
    String(dict(dict(compose.services[name].networks, `${name}.networks`).esdb, 'esdb').ipv4_address);
  const ipToInt = (ip: string): number => ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
  const inCidr = (ip: string, cidr: string): boolean => {
    const [base, bits] = cidr.split('/');
    const mask = Number(bits) === 0 ? 0 : (~0 << (32 - Number(bits))) >>> 0;
    return (ipToInt(ip) & mask) >>> 0 === (ipToInt(base) & mask) >>> 0;
  };

  it('defines cert-gen, node1..node3 and api', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'cert-gen', 'node1', 'node2', 'node3']);
  });

  it('generates a CA and one certificate per node, with the node name and fixed IP as SANs', () => {
    expect(certGen.image).toMatch(/^eventstore\/es-gencert-cli:\d+\.\d+\.\d+$/);
    expect(certScript).toMatch(/es-gencert-cli create-ca\b/);
    for (const node of nodes) {
      const line = certScript.split('\n').find((l) => l.includes(`create-node -out /certs/${node} `));
      expect(line).toBeDefined();
      const ips = /-ip-addresses (\S+)/.exec(line!)![1].split(',');
      const dns = /-dns-names (\S+)/.exec(line!)![1].split(',');
      expect(ips).toContain(nodeIp(node));
      expect(dns).toContain(node);
      expect(dns).toContain('localhost'); // the health probe and the published Admin UI port
    }
    // Idempotent: a second `up` keeps the existing certificates.
    expect(certScript).toMatch(/if \[ -f \/certs\/node3\/node\.crt \]/);
  });

  it('gives the nodes fixed addresses inside the subnet, outside the dynamic range', () => {
    const ips = nodes.map(nodeIp);
    expect(new Set(ips).size).toBe(3);
    for (const ip of ips) {
      expect(inCidr(ip, String(ipam.subnet))).toBe(true);
      expect(inCidr(ip, String(ipam.ip_range))).toBe(false);
    }
  });

  it.each(nodes)('configures %s as a TLS cluster member seeded by the two others', (node) => {
    const service = compose.services[node];
    expect(service.image).toMatch(/^eventstore\/eventstore:24\.10(\.\d+)?(-[\w.-]+)?$/);
    const env = envOf(service);
    expectOnlyKnownEsdbSettings(env);
    expect(env).toMatchObject({
      EVENTSTORE_CLUSTER_SIZE: '3',
      EVENTSTORE_DISCOVER_VIA_DNS: 'false',
      EVENTSTORE_RUN_PROJECTIONS: 'All',
      EVENTSTORE_REPLICATION_IP: nodeIp(node),
      EVENTSTORE_NODE_HOST_ADVERTISE_AS: node,
      EVENTSTORE_CERTIFICATE_FILE: `/certs/${node}/node.crt`,
      EVENTSTORE_CERTIFICATE_PRIVATE_KEY_FILE: `/certs/${node}/node.key`,
      EVENTSTORE_TRUSTED_ROOT_CERTIFICATES_PATH: '/certs/ca',
    });
    expect(env.EVENTSTORE_INSECURE ?? 'false').toBe('false');
    const seeds = env.EVENTSTORE_GOSSIP_SEED.split(',').sort();
    expect(seeds).toEqual(nodes.filter((n) => n !== node).map((n) => `${n}:2113`));

    // The certificates volume that cert-gen fills is mounted read-only at /certs.
    const certs = mountsOf(service).find((m) => m.target === '/certs');
    expect(certs).toMatchObject({ readOnly: true });
    expect(mountsOf(certGen)).toContainEqual(expect.objectContaining({ source: certs!.source, target: '/certs' }));

    expect(dependsOn(service)).toEqual({ 'cert-gen': 'service_completed_successfully' });
    expect(healthTest(service)).toMatch(/curl .*https:\/\/localhost:2113\/health\/live/);
  });

  it('gives every node its own declared data and log volumes', () => {
    const sources = nodes.flatMap((node) =>
      mountsOf(compose.services[node])
        .filter((m) => m.target === '/var/lib/eventstore' || m.target === '/var/log/eventstore')
        .map((m) => m.source),
    );
    expect(sources).toHaveLength(6);
    expect(new Set(sources).size).toBe(6);
    expectNamedVolumesDeclared(compose);
  });

  it('connects the api to the three nodes over TLS with the generated CA, mounted read-only', () => {
    expectApiBuild(api);
    const env = envOf(api);
    expect(env.NODE_ENV).toBe('production');
    const options = parseConnectionString(env.EVENTSTORE_CONNECTION_STRING);
    expect(options.hosts).toEqual(nodes.map((address) => ({ address, port: 2113 })));
    expect(options.dnsDiscover).toBe(false);
    expect(options.tls).toBe(true);
    expect(options.tlsCAFile).toBe('/certs/ca/ca.crt');
    // A secure node refuses anonymous stream access: the api must authenticate.
    expect(options.defaultCredentials).toEqual({ username: 'admin', password: expect.any(String) });
    expect(env.EVENTSTORE_CONNECTION_STRING).not.toContain('${');

    // /certs/ca in the api is a volume into which cert-gen copies ca.crt.
    const ca = mountsOf(api).find((m) => m.target === '/certs/ca');
    expect(ca).toMatchObject({ readOnly: true });
    const inCertGen = mountsOf(certGen).find((m) => m.source === ca!.source);
    expect(inCertGen).toBeDefined();
    expect(certScript).toContain(`${inCertGen!.target}/ca.crt`);
    // ... and only that: the api does not see the node keys.
    expect(mountsOf(api).map((m) => m.source)).not.toContain(mountsOf(compose.services.node1).find((m) => m.target === '/certs')!.source);
  });

  it('starts the api once all nodes are healthy, and lets it scale out', () => {
    expect(dependsOn(api)).toEqual({ node1: 'service_healthy', node2: 'service_healthy', node3: 'service_healthy' });
    expect(api.container_name).toBeUndefined();
    expect(Number(dict(api.deploy, 'api.deploy').replicas)).toBeGreaterThanOrEqual(2);
    expect(portsOf(api)).toContainEqual(expect.stringMatching(/^\d+-\d+:3000$/));
  });

  it('uses the same admin password in the nodes and in the api connection string', () => {
    const password = parseConnectionString(envOf(api).EVENTSTORE_CONNECTION_STRING).defaultCredentials!.password;
    for (const node of nodes) expect(envOf(compose.services[node]).EVENTSTORE_DEFAULT_ADMIN_PASSWORD).toBe(password);
  });
});

describe('docker/Dockerfile', () => {
  interface Instruction {
    keyword: string;
    args: string;
  }
  /** Instructions with line continuations joined and comments dropped. */
  function instructions(text: string): Instruction[] {
    const out: Instruction[] = [];
    let current = '';
    for (const line of text.split('\n')) {
      if (/^\s*#/.test(line)) continue; // comments, also inside a continuation (no parser directives here)
      const continued = /\\\s*$/.test(line);
      current += (current ? ' ' : '') + line.replace(/\\\s*$/, '').trim();
      if (continued) continue;
      if (current.trim()) {
        const [keyword, ...rest] = current.trim().split(/\s+/);
        out.push({ keyword: keyword.toUpperCase(), args: rest.join(' ') });
      }
      current = '';
    }
    return out;
  }
  const all = instructions(read('Dockerfile'));
  const stages: Instruction[][] = [];
  for (const i of all) {
    if (i.keyword === 'FROM') stages.push([]);
    stages.at(-1)?.push(i);
  }
  const [build, runtime] = [stages[0], stages.at(-1)!];
  const args = (stage: Instruction[], keyword: string): string[] => stage.filter((i) => i.keyword === keyword).map((i) => i.args);

  it('is a multi-stage build on node 20 bookworm-slim', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const nodeVersion = /NODE_VERSION=(\S+)/.exec(args(all, 'ARG').join(' '))?.[1];
    expect(nodeVersion).toBe('20');
    for (const stage of stages) expect(stage[0].args).toMatch(/^node:\$\{NODE_VERSION\}-bookworm-slim\b/);
  });

  it('compiles in the build stage: build tools, npm ci, npm run build, prune dev dependencies', () => {
    const runs = args(build, 'RUN').join('\n');
    for (const tool of ['python3', 'make', 'g++']) expect(runs).toContain(tool);
    expect(runs).toMatch(/npm ci\b/);
    expect(runs).toMatch(/npm run build\b/);
    expect(runs).toMatch(/npm prune --omit=dev\b/);
  });

  it('ships only dist, node_modules, package.json and data/ in the runtime stage', () => {
    const copied = args(runtime, 'COPY').map((a) => a.split(/\s+/).filter((p) => !p.startsWith('--'))[0]);
    expect(copied.sort()).toEqual(['/app/data', '/app/dist', '/app/node_modules', '/app/package.json']);
    for (const a of args(runtime, 'COPY')) expect(a).toMatch(/^--from=build\b/);
    expect(args(runtime, 'RUN').join(' ')).not.toMatch(/apt-get|npm (ci|install)/);
  });

  it('runs as a non-root user in production mode on port 3000', () => {
    const users = args(runtime, 'USER');
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    expect(args(runtime, 'ENV').join(' ')).toMatch(/\bNODE_ENV=production\b/);
    expect(args(runtime, 'EXPOSE').join(' ').split(/\s+/)).toContain('3000');
  });

  it('health-checks GET /health/live with node (no curl in the slim image)', () => {
    const healthcheck = args(runtime, 'HEALTHCHECK').join(' ');
    expect(healthcheck).toMatch(/CMD \["node", "-e", .*\/health\/live/);
    expect(healthcheck).not.toContain('curl');
  });

  it('starts the compiled entry point that nest build produces', () => {
    const cmd = JSON.parse(args(runtime, 'CMD').at(-1)!) as string[];
    // nest-cli: entryFile apps/api/src/main; apps/api/tsconfig.app.json: outDir ../../dist/apps/api
    const nest = JSON.parse(readFileSync(join(repoRoot, 'nest-cli.json'), 'utf8')) as { projects: { api: { entryFile: string } } };
    const appTsconfig = readFileSync(join(repoRoot, 'apps/api/tsconfig.app.json'), 'utf8');
    const outDir = /"outDir"\s*:\s*"([^"]+)"/.exec(appTsconfig)![1];
    const entry = join(resolve(repoRoot, 'apps/api', outDir), `${nest.projects.api.entryFile}.js`);
    expect(cmd).toEqual(['node', entry.slice(repoRoot.length + 1)]);
  });
});

describe('docker/Dockerfile.dockerignore', () => {
  const patterns = read('Dockerfile.dockerignore')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  /** Enough of the .dockerignore syntax for these patterns: *, ?, **, and a match covering the folder's content. */
  function globToRegExp(glob: string): RegExp {
    let re = '';
    for (let i = 0; i < glob.length; i++) {
      const c = glob[i];
      if (c === '*' && glob[i + 1] === '*' && glob[i + 2] === '/') [re, i] = [re + '(?:.*/)?', i + 2];
      else if (c === '*' && glob[i + 1] === '*') [re, i] = [re + '.*', i + 1];
      else if (c === '*') re += '[^/]*';
      else if (c === '?') re += '[^/]';
      else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${re}(?:/.*)?$`);
  }
  const rules = patterns.filter((p) => !p.startsWith('!')).map(globToRegExp);
  const ignored = (path: string): boolean => rules.some((r) => r.test(path));

  it('keeps host build outputs, local data, secrets and VCS out of the context', () => {
    for (const path of ['node_modules', 'libs/ledger/node_modules', 'dist', 'var', '.git', '.env', '.env.local', 'docker']) {
      expect({ path, ignored: ignored(path) }).toEqual({ path, ignored: true });
    }
  });

  it('keeps everything the build needs', () => {
    for (const path of [
      'package.json',
      'package-lock.json',
      '.npmrc',
      'tsconfig.json',
      'nest-cli.json',
      'apps/api/src/main.ts',
      'apps/cli/src/main.ts',
      'apps/cli/bin/ledger.cjs',
      'libs/ledger/src/index.ts',
      'data/plans/ma-2018-2020.json',
      'data/plans/plan.schema.json',
    ]) {
      expect({ path, ignored: ignored(path) }).toEqual({ path, ignored: false });
      expect(existsSync(join(repoRoot, path))).toBe(true);
    }
  });
});
