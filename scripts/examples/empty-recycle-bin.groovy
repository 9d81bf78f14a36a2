// Empty the recycle bin: destroy for good the instances in the recycle bin that were created more
// than DAYS days ago. (DescribeInstances does not say when an instance entered the bin, so its
// creation date is the age; see the README.)
//
// Destructive: under Jenkins' refuse-destructive policy it is refused before anything is sent.
// Idempotent: destroyed instances are gone, a rerun finds nothing more to do.
//
//   kecsh run scripts/examples/empty-recycle-bin.groovy [DAYS]
//   kecsh run scripts/examples/empty-recycle-bin.groovy 7
//
// DAYS: default 7.

import java.time.Duration
import java.time.Instant

int days = args.length > 0 ? args[0] as int : 7
Instant cutoff = Instant.now().minus(Duration.ofDays(days))

def bin = instances.where(state: 'recycling')
def old = bin.findAll { it.creationDate && Instant.parse(it.creationDate).isBefore(cutoff) }
if (!old) {
    println "nothing in the recycle bin older than ${days} day(s) (${bin.size()} there)"
    return []
}
instances {
    where id: old*.id, state: 'recycling'
    terminate()
}
println "destroyed ${old.size()} instance(s) from the recycle bin: ${old*.name.join(', ')}"
old*.id
