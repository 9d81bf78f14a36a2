// Rolling reboot: reboot the active instances whose names match PATTERN, BATCH at a time, and
// wait for each batch to be active again before the next one, so the tier never loses more than
// BATCH members at once. A batch that does not come back stops the roll (the error names it).
//
//   kecsh run scripts/examples/rolling-reboot.groovy PATTERN [BATCH]
//   kecsh run scripts/examples/rolling-reboot.groovy '^web-' 2
//
// PATTERN: a regular expression on the instance name (required); BATCH: default 1.
// Set FORCE=true for a hard reboot.

if (args.length < 1) throw new IllegalArgumentException('usage: rolling-reboot.groovy PATTERN [BATCH]')
def pattern = ~args[0]
int batch = args.length > 1 ? args[1] as int : 1
boolean force = System.getenv('FORCE') == 'true'

def members = instances.where(name: pattern, state: 'active').sort { it.name }
if (!members) {
    println "no active instance matches ${pattern}"
    return []
}
def rebooted = []
members.collate(batch).eachWithIndex { group, i ->
    println "batch ${i + 1}: ${group*.name.join(', ')}"
    instances {
        where id: group*.id
        reboot force: force
        waitUntil 'active'   // the health wait: the batch is back before the next one goes
    }
    rebooted.addAll(group*.id)
}
println "rebooted ${rebooted.size()} instance(s) in batches of ${batch}"
rebooted
