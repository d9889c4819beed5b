package vn.loa.content;

/** Who a content item speaks to; the plans name these groups. */
public enum Audience {

	CIVIL_SERVANTS("Cán bộ, công chức, viên chức"),

	CITIZENS_AND_BUSINESSES("Người dân và doanh nghiệp"),

	STUDENTS_AND_PARENTS("Học sinh và phụ huynh"),

	ARMED_FORCES("Lực lượng vũ trang"),

	ETHNIC_MINORITIES("Đồng bào dân tộc thiểu số");

	private final String label;

	Audience(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
