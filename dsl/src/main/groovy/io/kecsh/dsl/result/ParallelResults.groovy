package io.kecsh.dsl.result

/**
 * The outcome of a {@code parallel} block, one {@link RegionOutcome} a region in the order given.
 * A region that failed is data here, not an exception: {@code failed}, {@code values},
 * {@code table()}; {@code orThrow()} when the script wants the first failure to stop it.
 */
class ParallelResults extends ArrayList<RegionOutcome> implements Serializable {
    private static final long serialVersionUID = 1L

    ParallelResults(Collection<RegionOutcome> outcomes) {
        super(outcomes)
    }

    List<RegionOutcome> getFailed() {
        findAll { !it.ok }
    }

    /** region → the block's value, for the regions that finished. */
    Map<String, Object> getValues() {
        findAll { it.ok }.collectEntries { [it.region, it.value] }
    }

    ParallelResults orThrow() {
        List<RegionOutcome> failed = getFailed()
        if (failed) {
            throw new IllegalStateException("parallel: ${failed.size()} of ${size()} region(s) failed: " +
                failed.collect { "${it.region}: ${it.error}" }.join('; '))
        }
        this
    }

    String table() {
        Table.of(['REGION', 'OK', 'CODE', 'VALUE OR ERROR'],
            collect { [it.region, it.ok ? 'yes' : 'no', it.code, it.ok ? Rows.text(it.value) : it.error] as List<Object> })
    }
}
