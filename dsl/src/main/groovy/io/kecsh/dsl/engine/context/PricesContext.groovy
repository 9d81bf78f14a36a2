package io.kecsh.dsl.engine.context

import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.engine.Verb
import io.kecsh.dsl.engine.Verbs
import io.kecsh.dsl.engine.internal.Batches
import io.kecsh.dsl.engine.internal.ImageNames
import io.kecsh.dsl.engine.internal.Limits
import io.kecsh.runtime.model.Operation

/**
 * {@code prices { … }}: {@code instance type: 'S4.2B', chargeType: 'Monthly', months: 1} (DescribePrice,
 * the image from the defaults when not given) and {@code spot type: 'S4.2B', zone: 'cn-beijing-6a'}
 * (DescribeSpotPriceHistory). Answers are plain maps.
 */
class PricesContext extends ResourceContext {

    PricesContext(KecshSession session) {
        super(session)
    }

    /**
     * [instance: [original:, discount:, trade:, unit:], disks: […] ] for one launch (count: several).
     * A count above the model's MaxCount is priced in as many calls as it takes ({@link Batches#sizes})
     * and their prices added up, as a run of that count is launched in as many calls.
     */
    @Verb(action = 'DescribePrice', own = ['count'], counts = ['count=MaxCount'])
    Map<String, Object> instance(Map args) {
        Map a = new LinkedHashMap(args)
        Object count = a.remove('count')
        Verbs.Info verb = declared('instance')
        Map<String, Object> p = params(verb, a)
        p.ImageId = ImageNames.resolve(session, (p.ImageId ?: session.defaults.require('image', session.region, 'instance', 'image')) as String)
        if (!p.containsKey('ChargeType') && session.defaults.get('chargeType', session.region)) p.ChargeType = session.defaults.get('chargeType', session.region)
        if (count == null) return quote(verb, p)
        int n = count as int
        Operation op = session.ops.model.requireOperation(verb.action)
        String tooFew = verb.tooFew(op, 'count', n)
        if (tooFew) throw new IllegalArgumentException(tooFew)
        int perCall = Limits.largest(op, 'MaxCount')
        List<Map<String, Object>> quotes = Batches.sizes(n, perCall).collect { int size -> quote(verb, p + [MaxCount: size]) }
        [instance: sum(quotes*.instance), disks: sum(quotes*.disks)]
    }

    private Map<String, Object> quote(Verbs.Info verb, Map<String, Object> p) {
        Map info = (Map) perform(verb, p).PriceInfo ?: [:]
        [instance: price((Map) info.InstancePrice), disks: price((Map) info.EBSPrice)]
    }

    /** Prices of several calls added up; the unit is the same in each (one charge type). */
    private static Map<String, Object> sum(List<Map<String, Object>> prices) {
        if (prices.any { it == null }) return null
        Map<String, Object> out = new LinkedHashMap<>(prices[0])
        ['original', 'discount', 'trade'].each { String k ->
            out[k] = prices.every { it[k] == null } ? null : prices.sum { (it[k] ?: 0) as BigDecimal }
        }
        out
    }

    /** The spot price history: [[price:, originalPrice:, time:], …]. */
    @Verb(action = 'DescribeSpotPriceHistory', names = ['from=StartTime', 'until=EndTime'])
    List<Map<String, Object>> spot(Map args) {
        Map<String, Object> r = send(declared('spot'), args)
        ((List<Map>) (r.SpotPrices ?: [])).collect { [price: it.SpotPrice, originalPrice: it.OriginPrice, time: it.Timestamp] as Map<String, Object> }
    }

    private static Map<String, Object> price(Map p) {
        p == null ? null : [original: p.OriginalPrice, discount: p.DiscountPrice, trade: p.TradePrice, unit: p.PriceUnit] as Map<String, Object>
    }
}
