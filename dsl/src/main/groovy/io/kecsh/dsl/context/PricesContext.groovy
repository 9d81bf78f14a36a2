package io.kecsh.dsl.context

import io.kecsh.dsl.KecshSession
import io.kecsh.dsl.Verb
import io.kecsh.dsl.Verbs
import io.kecsh.dsl.internal.ImageNames

/**
 * {@code prices { … }}: {@code instance type: 'S4.2B', chargeType: 'Monthly', months: 1} (DescribePrice,
 * the image from the defaults when not given) and {@code spot type: 'S4.2B', zone: 'cn-beijing-6a'}
 * (DescribeSpotPriceHistory). Answers are plain maps.
 */
class PricesContext extends ResourceContext {

    PricesContext(KecshSession session) {
        super(session)
    }

    /** [instance: [original:, discount:, trade:, unit:], disks: […] ] for one launch (count: several). */
    @Verb(action = 'DescribePrice', own = ['count'])
    Map<String, Object> instance(Map args) {
        Map a = new LinkedHashMap(args)
        Object count = a.remove('count')
        Verbs.Info verb = declared('instance')
        Map<String, Object> p = params(verb, a)
        if (count != null) p.MaxCount = count
        p.ImageId = ImageNames.resolve(session, (p.ImageId ?: session.defaults.require('image', session.region, 'instance', 'image')) as String)
        if (!p.containsKey('ChargeType') && session.defaults.get('chargeType', session.region)) p.ChargeType = session.defaults.get('chargeType', session.region)
        Map info = (Map) perform(verb, p).PriceInfo ?: [:]
        [instance: price((Map) info.InstancePrice), disks: price((Map) info.EBSPrice)]
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
