// SSH key rotation: create a new key pair, install it on every instance whose name matches
// PATTERN, take the keys they had before off them, and delete those old keys when DELETE_OLD=true.
//
// The new private key is written to PRIVATE_KEY_FILE (mode 600) and never printed; the file must
// not exist yet, so a rerun cannot overwrite the only copy of a key. Not idempotent by nature:
// each run is one rotation (the key API cannot list keys by name).
//
//   PRIVATE_KEY_FILE=~/.ssh/web-2026-11 kecsh run scripts/examples/rotate-ssh-key.groovy PATTERN KEY_NAME
//   PRIVATE_KEY_FILE=/secure/web-key DELETE_OLD=true kecsh run scripts/examples/rotate-ssh-key.groovy '^web-' web-2026-11
//
// PATTERN: a regular expression on instance names; KEY_NAME: the new key's name.

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

if (args.length < 2) throw new IllegalArgumentException('usage: rotate-ssh-key.groovy PATTERN KEY_NAME')
def pattern = ~args[0]
String keyName = args[1]
String keyFile = System.getenv('PRIVATE_KEY_FILE')
if (!keyFile) throw new IllegalArgumentException('set PRIVATE_KEY_FILE: where the new private key is written')
Path file = Path.of(keyFile)
if (Files.exists(file)) throw new IllegalStateException("${file} exists already; move it away first")

def targets = instances.where(name: pattern)
if (!targets) throw new IllegalStateException("no instance matches ${pattern}")
List<String> oldKeys = targets*.keys.flatten().unique() as List<String>

def key = keys { create keyName }
if (!planning) {   // a plan makes no key: nothing to save, and no file is written
    Files.writeString(file, key.privateKey)
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString('rw-------'))
}
keys { attach key, to: targets }
oldKeys.each { String old ->
    def holders = targets.findAll { old in it.keys }
    keys { detach old, from: holders }
}
if (System.getenv('DELETE_OLD') == 'true') oldKeys.each { keys { delete it } }
println "installed ${keyName} on ${targets.size()} instance(s); removed ${oldKeys.size()} old key(s)" +
    (System.getenv('DELETE_OLD') == 'true' ? ' and deleted them' : '')
[key: key.id, instances: targets*.id, oldKeys: oldKeys]
