// What an executable is, read from its ELF header: the CPU it runs on and whether it needs a dynamic
// loader. The demo's images are `FROM scratch` + a static busybox, so a binary must be static (no
// PT_INTERP program header) and of the image's own architecture: an arm64-labelled image must never
// hold an x86-64 binary.
import { readFileSync } from 'node:fs';

// e_machine values (System V ABI) → the OCI/Go architecture names.
const MACHINES = { 3: '386', 62: 'amd64', 40: 'arm', 183: 'arm64', 243: 'riscv64', 21: 'ppc64le', 22: 's390x' };
const PT_INTERP = 3;

/** `{ architecture, isStatic }` of an ELF file, or null when it is not one (or unreadable). */
export function elfInfo(path) {
  try {
    return elfHeaderInfo(readFileSync(path));
  } catch {
    return null;
  }
}

/** The same, of an executable's bytes (a file read out of an image layer). */
export function elfHeaderInfo(bytes) {
  try {
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1 << 16));
    if (head.length < 64 || head.readUInt32BE(0) !== 0x7f454c46 || head[5] !== 1) return null; // little-endian only
    const is64 = head[4] === 2;
    const machine = head.readUInt16LE(18);
    const phoff = Number(is64 ? head.readBigUInt64LE(0x20) : head.readUInt32LE(0x1c));
    const phentsize = head.readUInt16LE(is64 ? 0x36 : 0x2a);
    const phnum = head.readUInt16LE(is64 ? 0x38 : 0x2c);
    let isStatic = true;
    for (let i = 0; i < phnum; i++) if (head.readUInt32LE(phoff + i * phentsize) === PT_INTERP) isStatic = false;
    return { architecture: MACHINES[machine] ?? `elf-machine-${machine}`, isStatic };
  } catch {
    return null;
  }
}

/** Whether `path` is a static executable for `architecture` (`amd64`, `arm64`). */
export function isStaticFor(path, architecture) {
  const info = elfInfo(path);
  return info !== null && info.isStatic && info.architecture === architecture;
}
