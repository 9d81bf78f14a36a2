// Provision a web tier: COUNT instances of TYPE named NAME-1 … NAME-COUNT, then wait until every
// one of them is active and print them.
//
// Idempotent: instances already called NAME-<n> (and not in the recycle bin) count toward COUNT,
// so a second run launches nothing and a run after a loss replaces only what is missing.
// Image, subnet, security group and charge type come from the profile's default.* keys.
//
//   kecsh run scripts/examples/provision-web-tier.groovy [COUNT] [TYPE] [NAME]
//   kecsh run scripts/examples/provision-web-tier.groovy 3 S4.2B web
//
// COUNT: how many (default 3); TYPE: instance type (default S4.2B); NAME: name prefix (default web).

int count = args.length > 0 ? args[0] as int : 3
String type = args.length > 1 ? args[1] : 'S4.2B'
String name = args.length > 2 ? args[2] : 'web'

def named = ~/^${java.util.regex.Pattern.quote(name)}-\d+$/
def existing = instances.where(name: named)
int missing = count - existing.size()
if (missing > 0) {
    // Continue the numbering after the highest existing suffix so names stay unique.
    int next = (existing.collect { it.name.substring(name.length() + 1) as int }.max() ?: 0) + 1
    println "launching ${missing} × ${type} as ${name}-${next}…"
    instances { run type: type, count: missing, name: name, suffix: next }
} else {
    println "${existing.size()} ${name} instance(s) already there; nothing to launch"
}
def tier = instances { where name: named; waitUntil 'active' }
println tier.table()
tier
