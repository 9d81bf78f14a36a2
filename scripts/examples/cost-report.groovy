// Cost report: what the running instances cost, from DescribePrice — grouped by instance type and
// charge type, a line each, and a total per billing period. Reads only; changes nothing.
//
//   kecsh run scripts/examples/cost-report.groovy [NAME_PATTERN]
//   kecsh run --output json scripts/examples/cost-report.groovy '^web-'
//
// NAME_PATTERN: only instances whose names match (default: all). With --output json the result
// (one entry a group, plus the totals) is the command's output.

def pattern = args.length > 0 ? ~args[0] : null
def running = pattern ? instances.where(state: 'active', name: pattern) : instances.where(state: 'active')
def groups = running.groupBy { [it.type, it.chargeType] }
def lines = groups.collect { key, members ->
    def (type, chargeType) = key
    def quote = prices { instance type: type, chargeType: chargeType, count: members.size() }.instance
    [type: type, chargeType: chargeType, count: members.size(), price: quote?.trade as BigDecimal, unit: quote?.unit]
}.sort { a, b -> a.type <=> b.type ?: a.chargeType <=> b.chargeType }
def totals = lines.findAll { it.price != null }.groupBy { it.unit }.collectEntries { unit, ls -> [unit, ls.sum { it.price }] }

println String.format('%-12s %-26s %5s %12s  %s', 'TYPE', 'CHARGE TYPE', 'COUNT', 'PRICE', 'UNIT')
lines.each { println String.format('%-12s %-26s %5d %12s  %s', it.type, it.chargeType, it.count, it.price, it.unit) }
totals.each { unit, sum -> println "total: ${sum} ${unit}" }
if (!lines) println 'no running instance'
[lines: lines, totals: totals]
