/**
 * The sandbox's images, local volumes and their snapshots, and the cloud market (registered by
 * {@link io.kecsh.runtime.sandbox.kec.ImageDomain}). Handlers ({@code *Handlers}, {@link
 * io.kecsh.runtime.sandbox.kec.image.CloudMarket}) check requests; {@link
 * io.kecsh.runtime.sandbox.kec.image.RegionImages} and {@link
 * io.kecsh.runtime.sandbox.kec.image.RegionSnapshots} change the state.
 *
 * <h2>Decisions where the documents are silent</h2>
 * <ul>
 *   <li><b>Image lifecycle.</b> CreateImage, ImportImage and CopyImage make an image {@code queued};
 *       it becomes {@code saving} after one transition and {@code active} after three more
 *       (saving is slow). Progress reads "0", "50", "100". Every lookup applies what is due;
 *       only describes count toward describe-driven transitions.</li>
 *   <li><b>ImageState case.</b> As the samples show it: public images upper case
 *       ({@code ACTIVE}, the main and 0530 samples), the account's own images the enumeration's
 *       lower case (0530's private image). The ImageAvailable waiter accepts both.</li>
 *   <li><b>CreateImage</b> needs the instance active or stopped (the model's precondition, main
 *       edition). The image is {@code extend} (ImageSource: a custom image made by the platform),
 *       takes the platform, architecture and cloud-init support of the instance's image, and the
 *       instance's system-disk size (SysDisk).</li>
 *   <li><b>Public images</b> cannot be removed, renamed, copied or shared, and have no share list:
 *       InvalidParameterValue naming ImageId (ImageId.N for CopyImage) with the reason.</li>
 *   <li><b>RemoveImages</b> refuses an image that a live instance was launched from (not one in
 *       the recycle bin or deleted): InvalidParameterValue naming ImageId. An image may be removed
 *       in any state, and is gone at once (no pending_delete listing).</li>
 *   <li><b>ImportImage</b> accepts an http(s) address whose host is a KS3 endpoint (contains
 *       "ks3") and whose path names a file; anything else is InvalidParameterValue on ImageUrl.
 *       Windows platforms get a 50 GB system disk, others 20 GB.</li>
 *   <li><b>CopyImage.</b> An unknown or public ImageId.N fails the whole call. An own image that is
 *       not active yet is not copied: {@code Return} false, {@code Message} says which and why,
 *       the other images are still copied. Each distinct destination region (the source region
 *       too) gets one copy per image, source {@code copy}, named DestinationImageName or the
 *       source's name, going through the same lifecycle.</li>
 *   <li><b>Share permissions.</b> Only active own images can be shared. Account IDs are numbers
 *       (as in the samples); another ID, or cancelling for an account the image is not shared
 *       with, fails for that account: {@code Return} false and {@code Message}, the rest applies.
 *       Sharing twice with one account is no change.</li>
 *   <li><b>Local volumes</b> are not stored: they follow from the instances. The system volume
 *       {@code <instanceId>-a} ({@code ksc-<instanceId>-vda}) exists when the system disk is local:
 *       SystemDisk.DiskType Local_SSD, or none recorded (the local-disk families). A cloud system
 *       disk (SSD3.0, EHDD) is an EBS volume and is <em>not</em> listed by DescribeLocalVolumes,
 *       nor can it be snapshotted here. The data volume {@code <instanceId>-c}
 *       ({@code ksc-<instanceId>-vdc}) exists when DataDiskGb &gt; 0. Type {@code SSD}, state
 *       {@code attached}, the instance's creation date; a deleted instance has none. The sample's
 *       {@code "Marker": 0} is returned too.</li>
 *   <li><b>Local-volume snapshots</b> are {@code creating}, then {@code ACTIVE} after one
 *       transition (the sample and the LocalVolumeSnapshotReady waiter). Creating one needs the
 *       instance active or stopped; SnapshotType is {@code manual} (the sample's {@code auto}
 *       comes from a snapshot policy). Filters LocalVolumeName and InstanceName combine with AND.
 *       CreateLocalVolumeSnapshot answers the documented LocalVolumeSnapshotId, not the sample's
 *       AutoSnapshotPolicyId.</li>
 *   <li><b>RollbackLocalVolume</b> needs the instance stopped, the snapshot ACTIVE and taken of
 *       that volume: InvalidParameterValue on LocalVolumeId or LocalVolumeSnapshotId otherwise.</li>
 *   <li><b>DeleteLocalVolumeSnapshot</b>: an unknown ID fails the whole call naming
 *       LocalVolumeSnapshotId.N, and nothing is deleted; success answers the sample's ReturnSet.</li>
 *   <li><b>Cloud market.</b> The catalogue is the document's sample (seven images, prices and
 *       vendors, {@code sandbox/cloud-market-images.json}), the same in every region, one page.
 *       The market images are also seeded into every region's images, so they can be described
 *       by ID and launched; the full DescribeImages list leaves them out (they are not the
 *       region's standard public images).</li>
 * </ul>
 */
package io.kecsh.runtime.sandbox.kec.image;
