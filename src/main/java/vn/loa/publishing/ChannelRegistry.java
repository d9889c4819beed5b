package vn.loa.publishing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.loa.channels.ChannelDescriptor;

/** The channels Loa knows, by id. */
@Component
class ChannelRegistry {

	private final Map<String, ChannelDescriptor> byId;

	ChannelRegistry(List<ChannelDescriptor> descriptors) {
		this.byId = descriptors.stream().collect(Collectors.toMap(ChannelDescriptor::id, Function.identity()));
	}

	Optional<ChannelDescriptor> find(String id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	List<ChannelDescriptor> all() {
		return this.byId.values().stream().sorted(java.util.Comparator.comparing(ChannelDescriptor::id)).toList();
	}

}
