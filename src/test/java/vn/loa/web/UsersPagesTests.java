package vn.loa.web;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.loa.units.MemberKind;
import vn.loa.units.Units;
import vn.loa.users.AccountAdministration;
import vn.loa.users.Role;
import vn.loa.users.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The users pages: admins' changes, each recorded; personal API tokens by prefix. */
@SpringBootTest
@AutoConfigureMockMvc
class UsersPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	AccountAdministration administration;

	@Autowired
	Units units;

	@Test
	void anAdminCreatesChangesDisablesAndResetsAnAccountAndEveryChangeIsShown() throws Exception {
		as("editor", "EDITOR", get("/console/users")).andExpect(status().isForbidden());
		as("approver", "APPROVER", post("/console/users").with(csrf()).param("username", "x.y.z"))
			.andExpect(status().isForbidden());
		as("admin", "ADMIN",
				post("/console/users").with(csrf())
					.param("username", "Thu Ha")
					.param("displayName", "Nguyễn Thu Hà")
					.param("roles", "EDITOR"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"username-error\""),
					containsString("Tên đăng nhập phải gồm"), containsString("value=\"Nguyễn Thu H"))));
		assertThat(this.accounts.exists("Thu Ha")).isFalse();

		String name = "thuha." + UUID.randomUUID().toString().substring(0, 6);
		String temporary = (String) as("admin", "ADMIN",
				post("/console/users").with(csrf())
					.param("username", name)
					.param("displayName", "Nguyễn Thu Hà")
					.param("roles", "EDITOR")
					.param("unit", "snv-kh"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getFlashMap()
			.get("temporaryPassword");
		assertThat(temporary).hasSizeGreaterThanOrEqualTo(12);
		assertThat(this.accounts.find(name).orElseThrow().mustChangePassword()).isTrue();
		assertThat(this.units.unitOf(MemberKind.USER, name))
			.hasValueSatisfying((u) -> assertThat(u.code()).isEqualTo("snv-kh"));
		// the temporary password logs in, but only to change it
		this.mvc.perform(get("/api/v1/publications").with(httpBasic(name, temporary)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://loa.local/problems/password-change-required"));

		as("admin", "ADMIN",
				post("/console/users/" + name).with(csrf())
					.param("roles", "EDITOR", "APPROVER")
					.param("unit", "ubnd-kh"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.accounts.find(name).orElseThrow().roles()).containsExactlyInAnyOrder(Role.EDITOR,
				Role.APPROVER);
		as("admin", "ADMIN", post("/console/users/" + name + "/enabled").with(csrf()).param("enabled", "false"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.accounts.find(name).orElseThrow().enabled()).isFalse();
		this.mvc.perform(get("/api/v1/me").with(httpBasic(name, temporary))).andExpect(status().isUnauthorized());
		as("admin", "ADMIN", post("/console/users/" + name + "/enabled").with(csrf()).param("enabled", "true"))
			.andExpect(status().is3xxRedirection());
		String reset = (String) as("admin", "ADMIN", post("/console/users/" + name + "/password").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getFlashMap()
			.get("temporaryPassword");
		assertThat(reset).isNotEqualTo(temporary);
		this.mvc.perform(get("/api/v1/me").with(httpBasic(name, temporary))).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/me").with(httpBasic(name, reset))).andExpect(status().isOk());

		as("admin", "ADMIN", get("/console/users/" + name)).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Tạo tài khoản"), containsString("Đổi vai trò"),
					containsString("EDITOR → APPROVER,EDITOR"), containsString("snv-kh → ubnd-kh"),
					containsString("Vô hiệu hóa tài khoản"), containsString("Kích hoạt lại tài khoản"),
					containsString("Đặt lại mật khẩu"), not(containsString(reset)))));
		as("admin", "ADMIN", get("/console/users").param("lang", "en")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("User accounts"), containsString(name))));
		// an admin cannot lock themselves out
		as("admin", "ADMIN", post("/console/users/admin/enabled").with(csrf()).param("enabled", "false"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.accounts.find("admin").orElseThrow().enabled()).isTrue();
	}

	@Test
	void anOwnerSeesTokensByPrefixAndTheOwnerOrAnAdminRevokesThem() throws Exception {
		UserAccounts.IssuedToken issued = (UserAccounts.IssuedToken) as("editor", "EDITOR",
				post("/console/account/tokens").with(csrf()).param("name", "báo cáo"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getFlashMap()
			.get("issuedToken");
		String token = issued.token();
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("editor"));
		long id = this.administration.tokens("editor")
			.stream()
			.filter((t) -> token.startsWith(t.prefix()))
			.findFirst()
			.orElseThrow()
			.id();
		as("editor", "EDITOR", get("/console/account")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(token.substring(0, 12) + "…"), containsString("báo cáo"),
					not(containsString(token)))));
		// another officer cannot revoke it
		this.mvc.perform(delete("/api/v1/me/tokens/" + id).with(httpBasic("approver", "loa-demo")))
			.andExpect(status().isNotFound());
		as("admin", "ADMIN", post("/console/users/editor/tokens/" + id + "/revoke").with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized());
		assertThat(this.administration.history("editor", 10)).anySatisfy((e) -> {
			assertThat(e.kind()).isEqualTo("TOKEN_REVOKED");
			assertThat(e.actor()).isEqualTo("admin");
		});
	}

	private ResultActions as(String name, String role, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(name).roles(role)));
	}

}
