// Morning shift: start the development instances stop-dev-at-night.groovy stopped, and wait until
// they are active.
//
// "Development" is a name pattern, by default ^dev- ; set DEV_PATTERN to change it.
// Idempotent: only stopped instances are chosen, so a second run starts nothing.
//
//   kecsh run scripts/examples/start-dev-in-the-morning.groovy
//   DEV_PATTERN='^(dev|test)-' kecsh run scripts/examples/start-dev-in-the-morning.groovy

def pattern = ~(System.getenv('DEV_PATTERN') ?: '^dev-')
if (!instances.where(name: pattern, state: 'stopped')) {
    println 'no stopped development instance'
    return []
}
def started = instances {
    where name: pattern, state: 'stopped'
    start()
}.waitUntil('active')
println "started ${started.size()} development instance(s): ${started*.name.join(', ')}"
started
