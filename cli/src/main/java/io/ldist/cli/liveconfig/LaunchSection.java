package io.ldist.cli.liveconfig;

import io.ldist.scenario.FieldReader;
import io.ldist.scenario.Phrases;

import com.fasterxml.jackson.databind.JsonNode;
import io.ldist.live.cloud.LaunchSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code live.launch} section: what RunInstances is given. Ids are checked for their form (an {@code sg-}
 * id where a subnet is meant is the common slip), not for their existence, which only EC2 can tell.
 */
final class LaunchSection {
    static final String AT = "/live/launch";
    private static final Pattern IMAGE = Pattern.compile("ami-[0-9a-f]{8,17}");
    private static final Pattern SUBNET = Pattern.compile("subnet-[0-9a-f]{8,17}");
    private static final Pattern GROUP = Pattern.compile("sg-[0-9a-f]{8,17}");
    /** A launch template id, or a name as EC2 allows it. */
    private static final Pattern TEMPLATE = Pattern.compile("lt-[0-9a-f]{17}|[A-Za-z0-9().\\-/_]{3,128}");
    private static final Pattern KEY_NAME = Pattern.compile("[ -~]{1,255}");
    /** An instance profile's name, or its ARN. */
    private static final Pattern PROFILE = Pattern.compile(
            "[\\w+=,.@-]{1,128}|arn:aws[a-z-]*:iam::\\d{12}:instance-profile/[\\w+=,.@/-]{1,512}");

    private final FieldReader in;

    LaunchSection(FieldReader in) {
        this.in = in;
    }

    /** The launch, or null after recording why not. */
    LaunchSpec read() {
        int before = in.problems().size();
        String image = id(AT + "/imageId", IMAGE, "an AMI id such as ami-0123456789abcdef0");
        String template = id(AT + "/launchTemplate", TEMPLATE,
                "a launch template id (lt- and 17 hex digits) or name (3 to 128 letters, digits or ().-/_)");
        if (in.has(AT) && !in.has(AT + "/imageId") && !in.has(AT + "/launchTemplate")) {
            in.problem(AT, "an imageId (the AMI of the Hyper-V hosts) or a launchTemplate to launch from",
                    "neither");
        }
        String subnet = id(AT + "/subnetId", SUBNET, "a subnet id such as subnet-0123456789abcdef0");
        List<String> groups = new ArrayList<>();
        JsonNode list = in.node(AT + "/securityGroups");
        for (int i = 0; list != null && list.isArray() && i < list.size(); i++) {
            groups.add(id(AT + "/securityGroups/" + i, GROUP, "a security group id such as sg-0123456789abcdef0"));
        }
        String key = id(AT + "/keyName", KEY_NAME, "a key pair name (1 to 255 printable ASCII characters)");
        String profile = id(AT + "/instanceProfile", PROFILE,
                "an instance profile name (letters, digits or +=,.@_-) or ARN "
                        + "(arn:aws:iam::<account>:instance-profile/...)");
        String instanceType = in.text(AT + "/instanceType", "");
        if (in.problems().size() > before || (image == null && template == null) || instanceType.isEmpty()) {
            return null;
        }
        return new LaunchSpec(template, image, instanceType, subnet, groups, key, profile);
    }

    /** The id written at {@code at}, or null when absent (or refused, after recording why). */
    private String id(String at, Pattern form, String expected) {
        JsonNode node = in.node(at);
        if (node == null || !node.isTextual()) {
            return null;
        }
        if (!form.matcher(node.textValue()).matches()) {
            in.problem(at, expected, Phrases.describe(node));
            return null;
        }
        return node.textValue();
    }
}
