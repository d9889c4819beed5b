package vn.loa.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import vn.loa.users.Role;

/** The new-user form and the roles-and-unit form of the users pages. */
public class UserForm {

	private String username = "";

	private String displayName = "";

	private List<String> roles = new ArrayList<>(List.of(Role.EDITOR.name()));

	private String unit = "";

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = (username != null) ? username.strip() : "";
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public List<String> getRoles() {
		return this.roles;
	}

	public void setRoles(List<String> roles) {
		this.roles = (roles != null) ? roles : new ArrayList<>();
	}

	public String getUnit() {
		return this.unit;
	}

	public void setUnit(String unit) {
		this.unit = unit;
	}

	Set<Role> roleSet() {
		Set<Role> set = EnumSet.noneOf(Role.class);
		for (String role : this.roles) {
			for (Role r : Role.values()) {
				if (r.name().equals(role)) {
					set.add(r);
				}
			}
		}
		return set;
	}

}
