package io.kecsh.dsl.engine.context

import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.engine.Verb
import io.kecsh.dsl.engine.Verbs
import io.kecsh.dsl.engine.internal.Batches
import io.kecsh.dsl.result.ImageInfo
import io.kecsh.dsl.result.WaitStates
import io.kecsh.dsl.result.WaitsFor
import io.kecsh.runtime.text.UserText
import java.util.regex.Pattern

/**
 * {@code images { … }}: {@code create from: web[0], name: 'web_v1'}, {@code copy id, to: […]},
 * {@code share id, with: […]} / {@code unshare}, {@code rename id, to: 'x'}, {@code remove id},
 * {@code list()}, {@code market()} (the cloud market's images) and {@code waitUntil 'available'}
 * for the images this block created or copied.
 */
class ImagesContext extends ResourceContext {

    /** What this block made, for a bare {@code waitUntil 'available'}. */
    private final List<String> touched = []

    ImagesContext(KecshSession session) {
        super(session)
    }

    /** {@code create from: instance, name: 'web_v1'} → the new image (queued, then saving, then active). */
    @Verb(action = 'CreateImage', names = ['from=InstanceId'])
    ImageInfo create(Map args) {
        Verbs.Info verb = declared('create')
        required(verb, args, 'from', "create from: web[0], name: 'web_v1'")
        String id = send(verb, args).ImageId as String
        touched << id
        describe(id)
    }

    /** {@code copy id, to: ['cn-shanghai-2'], name: 'web_v1'}: one copy per region (ImageAvailable there). */
    @Verb(action = 'CopyImage', argument = 'ImageId', names = ['to=DestinationRegion', 'name=DestinationImageName'])
    boolean copy(Map args = [:], Object images) {
        Verbs.Info verb = declared('copy')
        required(verb, args, 'to', "copy id, to: ['cn-shanghai-2']")
        Map<String, Object> r = send(verb, args, [ImageId: ids(images, 'copy', 'image')])
        if (r.Return == false) throw new IllegalStateException("copy: ${r.Message ?: 'refused'}")
        true
    }

    /** {@code share id, with: ['2000123456']}: other accounts may launch from it. */
    @Verb(action = 'ModifyImageSharePermission', argument = 'ImageId', names = ['with=AccountId'])
    List<String> share(Map args = [:], Object image) {
        permission(args, image, 'share', 'share')
    }

    @Verb(action = 'ModifyImageSharePermission', argument = 'ImageId', names = ['with=AccountId'])
    List<String> unshare(Map args = [:], Object image) {
        permission(args, image, 'cancel', 'unshare')
    }

    private List<String> permission(Map args, Object image, String permission, String verbName) {
        Verbs.Info verb = declared(verbName)
        required(verb, args, 'with', "${verbName} id, with: ['2000123456']")
        String id = id(image, verbName, 'image')
        Map<String, Object> r = send(verb, args, [ImageId: id, Permission: permission])
        if (r.Return == false) throw new IllegalStateException("${verbName}: ${r.Message ?: 'refused'}")
        sharedWith(id)
    }

    /** The accounts an image is shared with. */
    List<String> sharedWith(Object image) {
        ((List<Map>) (session.ops.call('DescribeImageSharePermission', [ImageId: id(image, 'sharedWith', 'image')]).SharePermissionSet ?: []))
            .collect { it.AccountId as String }
    }

    @Verb(action = 'ModifyImageAttribute', argument = 'ImageId', names = ['to=Name'])
    ImageInfo rename(Map args = [:], Object image) {
        Verbs.Info verb = declared('rename')
        required(verb, args, 'to', "rename id, to: 'web_v2'")
        String id = id(image, 'rename', 'image')
        send(verb, args, [ImageId: id])
        describe(id)
    }

    /** RemoveImages takes one image a call; each is removed in turn and a failure part way says which were (see {@link Batches}). */
    @Verb(action = 'RemoveImages', argument = 'ImageId')
    List<String> remove(Object images) {
        Verbs.Info verb = declared('remove')
        List<String> gone = Batches.over('remove', ids(images, 'remove', 'image'), 1) { List<String> one, int offset ->
            perform(verb, [ImageId: one[0]])
            Batches.Answer.all(one)
        }
        session.progress("remove: ${gone.size()} image(s)")
        gone
    }

    /**
     * The region's images; {@code list(name: ~/^web/)}, {@code list(mine: true)}. Materialised: DescribeImages
     * takes no page size or token and answers every image at once, so the list holds what that one answer held.
     */
    List<ImageInfo> list(Map criteria = [:]) {
        criteria.keySet().each { k ->
            if (!(k in ['name', 'mine', 'platform'])) {
                throw new IllegalArgumentException("list: unknown criterion ${UserText.quoted(k)}${io.kecsh.runtime.text.Suggestions.didYouMean(k as String, ['name', 'mine', 'platform'])}; criteria: name, mine, platform")
            }
        }
        List<ImageInfo> all = ((List<Map<String, Object>>) (session.ops.call('DescribeImages', [:]).ImagesSet ?: [])).collect { ImageInfo.from(it) }
        all.findAll { ImageInfo i ->
            (criteria.name == null || matches(criteria.name, i.name)) && (criteria.platform == null || matches(criteria.platform, i.platform)) &&
                (criteria.mine == null || (criteria.mine as boolean) == !i.isPublic)
        }
    }

    /** The cloud market's images for this region (QueryImageList), as maps: imageId, imageName, platform, prices, vendor. */
    List<Map<String, Object>> market() {
        Map<String, Object> r = session.ops.call('QueryImageList', [Region: session.region])
        ((List<Map<String, Object>>) (((Map) r.Data)?.items ?: [])).collect { Map<String, Object> item ->
            item.collectEntries { k, v -> [(k as String).uncapitalize(), v] } as Map<String, Object>
        }
    }

    /** Waits for the images this block created (or those given) to be {@code available}. */
    @WaitsFor(WaitStates.IMAGE)
    List<ImageInfo> waitUntil(Map options = [:], String state) {
        waitFor(options, state, touched)
    }

    /** {@code waitUntil 'available', image} for images made elsewhere. */
    @WaitsFor(WaitStates.IMAGE)
    List<ImageInfo> waitUntil(Map options = [:], String state, Object images) {
        waitFor(options, state, ids(images, 'waitUntil', 'image'))
    }

    private List<ImageInfo> waitFor(Map options, String state, List<String> wanted) {
        if (wanted.isEmpty()) throw new IllegalArgumentException("waitUntil: no image to wait for: create one in this block, or name it: waitUntil 'available', id")
        wanted.collect { new ImageInfo(id: it).waitUntil(options, state) }
    }

    private ImageInfo describe(String id) {
        List<Map<String, Object>> set = (List<Map<String, Object>>) (session.ops.call('DescribeImages', [ImageId: id]).ImagesSet ?: [])
        set ? ImageInfo.from(set[0]) : new ImageInfo(id: id)
    }

    private static boolean matches(Object wanted, String actual) {
        wanted instanceof Pattern ? actual != null && ((Pattern) wanted).matcher(actual).find() : wanted as String == actual
    }
}
