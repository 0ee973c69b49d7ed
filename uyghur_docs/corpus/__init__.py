"""The corpus folder: reading documents, their metadata and sidecar files, adding and removing."""
