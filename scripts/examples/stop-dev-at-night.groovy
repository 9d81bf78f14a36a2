// Night shift: stop every development instance that is running, with StopCharging so the hours
// they are off are not billed (families that cannot stop charging keep charging; the API says so
// in StoppedMode, and this script prints which).
//
// "Development" is a name pattern, by default ^dev- ; set DEV_PATTERN to change it.
// Idempotent: only active instances are chosen, so a second run stops nothing.
//
//   kecsh run scripts/examples/stop-dev-at-night.groovy
//   DEV_PATTERN='^(dev|test)-' kecsh run scripts/examples/stop-dev-at-night.groovy
//
// Schedule it with cron (0 20 * * 1-5) next to start-dev-in-the-morning.groovy.

def pattern = ~(System.getenv('DEV_PATTERN') ?: '^dev-')
def running = instances.where(name: pattern, state: 'active')
if (!running) {
    println 'no running development instance'
    return []
}
def stopped = instances {
    where name: pattern, state: 'active'
    stop mode: 'StopCharging'
}.waitUntil('stopped')
stopped.findAll { it.stoppedMode != 'StopCharging' }.each {
    println "note: ${it.name} (${it.type}) keeps charging while stopped: its family cannot stop charging"
}
println "stopped ${stopped.size()} development instance(s): ${stopped*.name.join(', ')}"
stopped
