// KMS maintenance: raise an Alibaba KMS instance's quotas and renew it, through BSS
// (ModifyInstance, RenewChangeInstance).
//
// Idempotent across runs: every change carries a ClientToken made from KECSH_CHANGE_ID (your change
// ticket), the instance and the step. Running the same ticket twice — a retried pipeline, a
// second operator — gets BSS's recorded answer back and nothing is ordered twice. Quotas already
// at or above the target are left alone. (Not CHANGE_ID: Jenkins multibranch pipelines set that to
// the pull request's number, which would silently become the token.)
//
//   KECSH_CHANGE_ID=CHG-1042 kecsh run scripts/examples/kms-upgrade-and-renew.groovy INSTANCE SPEC KEY_NUM MONTHS
//   KECSH_CHANGE_ID=CHG-1042 kecsh run scripts/examples/kms-upgrade-and-renew.groovy kst-yrs9l4p0npp4xd0kdjgnl 2000 2000 12
//
// SPEC, KEY_NUM: the quotas wanted (0: leave); MONTHS: the renewal (0: no renewal; subscription
// instances only).

if (args.length < 4) throw new IllegalArgumentException('usage: kms-upgrade-and-renew.groovy INSTANCE SPEC KEY_NUM MONTHS')
String id = args[0]
long spec = args[1] as long
long keyNum = args[2] as long
int months = args[3] as int
String change = System.getenv('KECSH_CHANGE_ID')
if (!change) throw new IllegalArgumentException('set KECSH_CHANGE_ID (the change ticket): it makes the BSS orders idempotent')
def token = { String step -> UUID.nameUUIDFromBytes("${change}/${id}/${step}".getBytes('UTF-8')).toString() }

def before = kms.get(id)
def quotas = [:]
if (spec > (before.spec ?: 0)) quotas.spec = spec
if (keyNum > (before.keyNum ?: 0)) quotas.keyNum = keyNum
def orders = [:]
if (quotas) {
    orders.upgrade = kms { upgrade id, token: token('upgrade'), *: quotas }.orderId
    println "upgrade ${quotas}: order ${orders.upgrade}"
} else {
    println "quotas already at spec ${before.spec}, ${before.keyNum} keys"
}
if (months > 0) {
    orders.renew = kms { renew id, months: months, token: token("renew-${months}") }.orderId
    println "renewed ${months} month(s): order ${orders.renew}"
}
def after = kms.get(id)
println "now spec ${after.spec}, ${after.keyNum} keys, until ${after.endDate}"
[instance: id, spec: after.spec, keyNum: after.keyNum, endDate: after.endDate, orders: orders]
