package vn.loa.users;

public enum Role {

	EDITOR, APPROVER, ADMIN

}
