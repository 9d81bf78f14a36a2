// Release an Alibaba KMS instance, but never one without a backup: the release is asked without
// ForceDeleteWithoutBackup, so KMS itself refuses (Forbidden.NoBackup) and this script says why
// and fails. There is deliberately no way to force it from here.
//
// Destructive: under Jenkins' refuse-destructive policy it is refused before anything is sent.
//
//   kecsh run scripts/examples/kms-release.groovy INSTANCE
//   kecsh run scripts/examples/kms-release.groovy kst-935uh8cey7jpbqli3b5fh

if (args.length < 1) throw new IllegalArgumentException('usage: kms-release.groovy INSTANCE')
String id = args[0]
def k = kms.get(id)
println "releasing ${id} (${k.chargeType}, status ${k.status})"
try {
    kms { release id }
} catch (io.kecsh.runtime.error.ServiceException e) {
    if (e.code() == 'Forbidden.NoBackup') {
        throw new IllegalStateException("${id} has no backup: back it up first; this script never releases without one", e)
    }
    throw e
}
println "released ${id}"
id
