// node delay.mjs LISTEN_PORT TARGET_PORT ONE_WAY_MS [DOWN_RATE_BYTES_PER_S]
// A TCP proxy that delays every chunk by a fixed one-way delay in each direction, in order;
// with a rate, server-to-client bytes also leave no faster than that rate.
import net from 'node:net';
const [listen, target, delay, rate] = process.argv.slice(2).map(Number);
function pipe(from, to, limited) {
  const queue = [];
  let last = 0, timer = null, ended = false;
  const pump = () => {
    timer = null;
    const now = performance.now();
    while (queue.length && queue[0][0] <= now) to.write(queue.shift()[1]);
    if (queue.length) timer = setTimeout(pump, Math.max(0, queue[0][0] - now));
    else if (ended) to.end();
  };
  from.on('data', (chunk) => {
    const now = performance.now();
    let at = Math.max(now + delay, last);
    if (limited && rate) at = Math.max(now + delay, last + (chunk.length * 1000) / rate);
    last = at;
    queue.push([at, chunk]);
    if (!timer) timer = setTimeout(pump, Math.max(0, queue[0][0] - now));
  });
  from.on('end', () => { ended = true; if (!timer) pump(); });
  from.on('error', () => to.destroy());
}
net.createServer((client) => {
  client.setNoDelay(true);
  const server = net.connect(target, '127.0.0.1');
  server.setNoDelay(true);
  client.on('error', () => server.destroy());
  server.on('error', () => client.destroy());
  pipe(client, server, false);
  pipe(server, client, true);
}).listen(listen, '127.0.0.1');
