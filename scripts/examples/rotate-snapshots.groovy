// Snapshot rotation: snapshot every local volume of an instance, wait for the snapshots to be
// ready, then delete that volume's oldest snapshots so only the newest KEEP remain.
//
// Only snapshots whose names start with PREFIX are rotated, so hand-made ones are never deleted.
// Safe to rerun: each run adds one snapshot a volume and trims back to KEEP.
//
//   kecsh run scripts/examples/rotate-snapshots.groovy INSTANCE [KEEP] [PREFIX]
//   kecsh run scripts/examples/rotate-snapshots.groovy db 3 nightly
//
// INSTANCE: the instance's name; KEEP: default 7; PREFIX: default "auto".

if (args.length < 1) throw new IllegalArgumentException('usage: rotate-snapshots.groovy INSTANCE [KEEP] [PREFIX]')
String instance = args[0]
int keep = args.length > 1 ? args[1] as int : 7
String prefix = args.length > 2 ? args[2] : 'auto'
if (keep < 1) throw new IllegalArgumentException("KEEP must be at least 1, got ${keep}")

def vols = volumes.list(instance: instance)
if (!vols) throw new IllegalStateException("instance ${instance} has no local volumes in ${currentRegion}")
String stamp = java.time.format.DateTimeFormatter.ofPattern('yyyyMMdd-HHmmss').withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now())
def report = [:]
vols.each { vol ->
    snapshots {
        snapshot vol, name: "${prefix}-${stamp}"   // names: 2-40 characters
        waitUntil 'ready'
    }
    def ours = snapshots.list().findAll { it.volumeId == vol.id && it.name?.startsWith("${prefix}-") }
        .sort { a, b -> b.creationDate <=> a.creationDate ?: b.name <=> a.name }   // newest first
    def old = ours.drop(keep)
    if (old) snapshots { delete old }
    report[vol.id] = [kept: ours.take(keep)*.id, deleted: old*.id]
    println "${vol.name}: kept ${Math.min(keep, ours.size())}, deleted ${old.size()}"
}
report
