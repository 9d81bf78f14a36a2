// Golden image: make an image from a prepared source instance, wait until it is available, and
// copy it to other regions under the same name.
//
// Idempotent: an image already called IMAGE_NAME here is reused instead of made again, and it is
// copied only to the regions that do not have one by that name yet.
//
//   kecsh run scripts/examples/golden-image.groovy SOURCE_INSTANCE IMAGE_NAME REGION…
//   kecsh run scripts/examples/golden-image.groovy golden-src web_v1 cn-shanghai-2 cn-guangzhou-1
//
// SOURCE_INSTANCE: the name of the instance to image; IMAGE_NAME: the image's name; REGION…: where
// copies go (at least one).

if (args.length < 3) throw new IllegalArgumentException('usage: golden-image.groovy SOURCE_INSTANCE IMAGE_NAME REGION…')
String source = args[0]
String imageName = args[1]
List<String> regions = args.drop(2) as List<String>
String home = currentRegion

def image = images.list(name: imageName, mine: true).find()
if (image == null) {
    def from = instances.where(name: source)
    if (from.size() != 1) throw new IllegalStateException("expected one instance called ${source} in ${home}, found ${from.size()}")
    image = images { create from: from[0], name: imageName }
    // A plan records CreateImage without making an image: there is nothing to wait for.
    if (!planning) image = images.waitUntil('available', image)[0]
    println "made ${imageName} (${image.id}) from ${source}"
} else {
    image = images.waitUntil('available', image)[0]
    println "${imageName} (${image.id}) exists already"
}

List<String> missing = regions.findAll { String r ->
    region r
    try { !images.list(name: imageName, mine: true) } finally { region home }
}
if (missing) {
    images { copy image, to: missing, name: imageName }
    println "copying ${imageName} to ${missing.join(', ')}"
} else {
    println "${imageName} is in ${regions.join(', ')} already"
}
[image: image.id, copiedTo: missing]
