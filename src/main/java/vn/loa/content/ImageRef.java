package vn.loa.content;

/** An image stored under the data directory and served at {@code /media/{fileName}}. */
public record ImageRef(String fileName, String mediaType, String alt) {

	public String path() {
		return "/media/" + this.fileName;
	}

}
