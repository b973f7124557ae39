package io.serfnode.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A child a member supervises, as declared in its {@code serfnode.yml}: enough to show and identify it,
 * not the full runtime configuration.
 *
 * @param name    the child's name, unique on its member
 * @param runtime how the child runs
 * @param image   the Docker image; required for docker children, absent for processes
 * @param exec    the command line of a process child (or the command of a docker child, when it overrides
 *                the image's), as written in the configuration
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"name", "runtime", "image", "exec"})
public record Child(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "runtime", required = true) RuntimeKind runtime,
        @JsonProperty("image") String image,
        @JsonProperty("exec") String exec) {

    public Child {
        Require.text(name, "name");
        Require.present(runtime, "runtime");
        if (runtime == RuntimeKind.DOCKER) {
            Require.text(image, "image");
        } else {
            Require.text(exec, "exec");
            if (image != null) {
                throw new InvalidValueException("image", "only docker children have an image");
            }
        }
    }

    public static Child docker(String name, String image) {
        return new Child(name, RuntimeKind.DOCKER, image, null);
    }

    public static Child process(String name, String exec) {
        return new Child(name, RuntimeKind.PROCESS, null, exec);
    }

    /** One line for lists: the image (with its command, if any) or the command line. */
    @JsonIgnore
    public String summary() {
        if (runtime == RuntimeKind.DOCKER) {
            return exec == null ? image : image + " " + exec;
        }
        return exec;
    }
}
