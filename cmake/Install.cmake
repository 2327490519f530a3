# Install layout (FHS) and the Debian package.
#   bin/lumbar-atlas
#   share/lumbar-atlas/{models,content,shaders}     found by the binary relative to itself (io/BundledData.h)
#   share/applications/lumbar-atlas.desktop, share/metainfo/<id>.metainfo.xml
#   share/icons/hicolor/{scalable,256x256}/apps/lumbar-atlas.{svg,png}
#   share/man/man1/lumbar-atlas.1                   help2man, from --help and --version
#   share/doc/lumbar-atlas/{LICENSE,CREDITS.md,README.md}
include(GNUInstallDirs)
set(LA_APPSTREAM_ID io.github.lumbar_atlas.LumbarAtlas)
set(LA_SHARE ${CMAKE_INSTALL_DATAROOTDIR}/lumbar-atlas)

install(TARGETS lumbar-atlas RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${LA_SOURCE_DIR}/models/lower_body.glb DESTINATION ${LA_SHARE}/models)
install(DIRECTORY ${LA_SOURCE_DIR}/content ${LA_SOURCE_DIR}/shaders DESTINATION ${LA_SHARE})

install(FILES ${LA_SOURCE_DIR}/packaging/lumbar-atlas.desktop DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/applications)
configure_file(${LA_SOURCE_DIR}/packaging/${LA_APPSTREAM_ID}.metainfo.xml
               ${CMAKE_BINARY_DIR}/packaging/${LA_APPSTREAM_ID}.metainfo.xml @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/packaging/${LA_APPSTREAM_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/metainfo)
install(FILES ${LA_SOURCE_DIR}/packaging/lumbar-atlas.svg
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/scalable/apps)
install(FILES ${LA_SOURCE_DIR}/packaging/lumbar-atlas-256.png
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/256x256/apps RENAME lumbar-atlas.png)
install(FILES ${LA_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/lumbar-atlas RENAME copyright)
install(FILES ${LA_SOURCE_DIR}/LICENSE ${LA_SOURCE_DIR}/CREDITS.md ${LA_SOURCE_DIR}/README.md
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/lumbar-atlas)

find_program(HELP2MAN help2man)
if(HELP2MAN)
  set(LA_MANPAGE ${CMAKE_BINARY_DIR}/packaging/lumbar-atlas.1)
  add_custom_command(OUTPUT ${LA_MANPAGE}
    COMMAND ${HELP2MAN} --no-info --section=1 --source="Lumbar Atlas"
            "--name=3D anatomy viewer of the lower back" --include=${LA_SOURCE_DIR}/packaging/lumbar-atlas.h2m
            --output=${LA_MANPAGE} $<TARGET_FILE:lumbar-atlas>
    DEPENDS lumbar-atlas ${LA_SOURCE_DIR}/packaging/lumbar-atlas.h2m
    COMMENT "Writing the man page with help2man")
  add_custom_target(manpage ALL DEPENDS ${LA_MANPAGE})
  install(FILES ${LA_MANPAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man not found: no man page (apt-get install help2man)")
endif()

# cpack -G DEB (run in the build folder) writes lumbar-atlas_<version>_<arch>.deb.
set(CPACK_PACKAGE_NAME lumbar-atlas)
set(CPACK_PACKAGE_VENDOR "Lumbar Atlas developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "3D anatomy viewer of the lower back for therapists and students")
set(CPACK_PACKAGE_DESCRIPTION "Lumbar Atlas shows a 3D model of the lower back, pelvis and hips with article \
panels beside each muscle, referred-pain maps in the clinical convention, guided tours and a presenter mode.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_RESOURCE_FILE_LICENSE ${LA_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# epoxy loads libEGL at run time (headless stills), so dpkg-shlibdeps cannot see it.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core, libgl1-mesa-dri, libegl1, libegl-mesa0")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fontconfig")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Lumbar Atlas developers <developers@lumbar-atlas.invalid>")
include(CPack)
