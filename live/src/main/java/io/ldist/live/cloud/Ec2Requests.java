package io.ldist.live.cloud;

import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.ec2.model.IamInstanceProfileSpecification;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** The EC2 requests {@link AwsCloud} sends, built from the port's records. */
final class Ec2Requests {
    private Ec2Requests() {
    }

    /**
     * One instance (MinCount = MaxCount = 1), the token as client token, the tags on the instance and its volumes at
     * creation (so an instance is never untagged, not even for a moment).
     */
    static RunInstancesRequest runInstances(LaunchSpec spec, String token, Map<String, String> tags) {
        List<Tag> sdkTags = tags.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
        RunInstancesRequest.Builder b = RunInstancesRequest.builder()
                .minCount(1)
                .maxCount(1)
                .clientToken(token)
                .instanceType(spec.instanceType())
                .tagSpecifications(
                        TagSpecification.builder().resourceType(ResourceType.INSTANCE).tags(sdkTags).build(),
                        TagSpecification.builder().resourceType(ResourceType.VOLUME).tags(sdkTags).build());
        if (spec.launchTemplate() != null) {
            LaunchTemplateSpecification.Builder lt = LaunchTemplateSpecification.builder();
            if (spec.launchTemplate().startsWith("lt-")) {
                lt.launchTemplateId(spec.launchTemplate());
            } else {
                lt.launchTemplateName(spec.launchTemplate());
            }
            b.launchTemplate(lt.build());
        }
        if (spec.imageId() != null) {
            b.imageId(spec.imageId());
        }
        if (spec.subnetId() != null) {
            b.subnetId(spec.subnetId());
        }
        if (!spec.securityGroupIds().isEmpty()) {
            b.securityGroupIds(spec.securityGroupIds());
        }
        if (spec.keyName() != null) {
            b.keyName(spec.keyName());
        }
        if (spec.instanceProfile() != null) {
            IamInstanceProfileSpecification.Builder p = IamInstanceProfileSpecification.builder();
            if (spec.instanceProfile().startsWith("arn:")) {
                p.arn(spec.instanceProfile());
            } else {
                p.name(spec.instanceProfile());
            }
            b.iamInstanceProfile(p.build());
        }
        return b.build();
    }
}
