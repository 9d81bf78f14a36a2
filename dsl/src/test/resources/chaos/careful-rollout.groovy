// A careful operator's rollout of `size` instances under faults: run (named web-1 … web-<size>),
// wait active, stop, wait stopped, start, wait active, terminate, wait deleted. Every failure is
// read for what it says was done, not done or unknown; nothing is retried before looking: what is missing, or still
// in the old state, is found by describing, and only that is sent again.
// Bindings: size. Returns what the script saw: its failures (each checked to name every resource
// it was asked about) and how often it had to read or wait again.
int n = size as int
def wanted = (1..n).collect { "web-${it}".toString() }
def failures = []
int reads = 0

boolean isRead(Throwable e) {   // a failed describe inside a verb, before it changed anything
    e.message?.startsWith('DescribeInstances')
}

// Reads change nothing: one that failed after the client's own retries is read again.
def read = { Closure c ->
    for (int i = 0; ; i++) {
        try { return c() } catch (ServiceException | TransportException e) { reads++; if (i > 500) throw e }
    }
}

// What the failure said about each resource it was asked to handle (names for run, ids otherwise).
def record = { String verb, List<String> asked, Throwable e ->
    if (e instanceof BatchException) {
        List<String> named = e.done + e.notDone.keySet() + e.unknown.keySet()
        boolean every = verb == 'run'
            ? named.size() == asked.size() && asked.containsAll(e.notDone.keySet() + e.unknown.keySet())
            : named.size() == asked.size() && named.toSet() == asked.toSet()
        failures << [verb: verb, asked: asked.size(), done: e.done.size(), notDone: e.notDone.size(), unknown: e.unknown.size(), named: every]
    } else {   // a verb over one resource fails with the call's own error, which says whether it may have taken effect
        boolean maybe = e instanceof TransportException ? e.mayHaveBeenProcessed() : ((ServiceException) e).mayHaveTakenEffect()
        failures << [verb: verb, asked: asked.size(), done: 0, notDone: maybe ? 0 : 1, unknown: maybe ? 1 : 0, named: asked.size() == 1]
    }
}

def launch = { int from, int count ->
    List<String> asked = (from..<from + count).collect { "web-${it}".toString() }
    try {
        instances { run type: 'S4.2B', count: count, name: 'web', suffix: from }
    } catch (BatchException | ServiceException | TransportException e) {
        if (!(e instanceof BatchException) && isRead(e)) return
        record('run', asked, e)
    }
}

// Run, then launch again only the names a describe does not find, in runs of consecutive suffixes.
launch(1, n)
for (int round = 0; ; round++) {
    Set<String> have = read { instances.where(name: ~/^web-\d+$/)*.name } as Set
    List<Integer> missing = wanted.findAll { !have.contains(it) }.collect { (it - 'web-') as int }
    if (!missing) break
    assert round < 200 : "still missing after ${round} rounds: ${missing.size()}"
    List<List<Integer>> runs = []
    missing.each { int s -> if (runs && runs[-1][-1] == s - 1) runs[-1] << s else runs << [s] }
    runs.each { List<Integer> r -> launch(r[0], r.size()) }
}

def waitAll = { String state ->
    for (int i = 0; ; i++) {
        try {
            instances { where name: ~/^web-\d+$/; waitUntil state }
            return
        } catch (ServiceException | TransportException e) {
            reads++
            if (i > 500) throw e
        }
    }
}

// Act on the instances still in `from` (terminate: on those listed and not already being
// deleted — a second terminate would destroy one in the recycle bin), until none is: an unknown
// outcome is settled by looking.
def settle = { String verb, String from ->
    for (int round = 0; ; round++) {
        def listed = read { instances.where(name: ~/^web-\d+$/) }
        def targets = new InstanceGroup(listed.findAll { from ? it.state == from : it.state != 'deleting' })
        if (!targets) return
        assert round < 200 : "${verb}: ${targets.size()} still ${from ?: 'listed'} after ${round} rounds"
        try {
            instances {
                where ids: targets
                if (verb == 'stop') stop() else if (verb == 'start') start() else terminate()
            }
        } catch (BatchException | ServiceException | TransportException e) {
            if (!(e instanceof BatchException) && isRead(e)) continue
            record(verb, targets.ids, e)
        }
    }
}

waitAll 'active'
settle 'stop', 'active'
waitAll 'stopped'
settle 'start', 'stopped'
waitAll 'active'
settle 'terminate', null
waitAll 'deleted'
assert read { instances.where(name: ~/^web-\d+$/) }.isEmpty()

[failures: failures, reads: reads]
