# The SPARQL functions, operators and aggregates behind eval/functions.hpp.
# Owned by the functions work; src/eval/CMakeLists.txt (the evaluator's)
# include()s this file and links quiver_eval_functions (or adds
# ${QUIVER_EVAL_FUNCTION_SOURCES} to its own library with
# ${QUIVER_EVAL_FUNCTION_LIBS}).

set(QUIVER_EVAL_FUNCTION_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/aggregates.cpp
  ${CMAKE_CURRENT_LIST_DIR}/functions.cpp
  ${CMAKE_CURRENT_LIST_DIR}/functions_cast.cpp
  ${CMAKE_CURRENT_LIST_DIR}/functions_compare.cpp
  ${CMAKE_CURRENT_LIST_DIR}/functions_hash.cpp
  ${CMAKE_CURRENT_LIST_DIR}/functions_numeric.cpp
  ${CMAKE_CURRENT_LIST_DIR}/functions_order.cpp
  ${CMAKE_CURRENT_LIST_DIR}/functions_regex.cpp
  ${CMAKE_CURRENT_LIST_DIR}/functions_string.cpp
)

find_package(PkgConfig REQUIRED)
pkg_check_modules(PCRE2 REQUIRED IMPORTED_TARGET libpcre2-8)
find_package(OpenSSL REQUIRED COMPONENTS Crypto)
set(QUIVER_EVAL_FUNCTION_LIBS PkgConfig::PCRE2 OpenSSL::Crypto quiver_xsd)

if(NOT TARGET quiver_eval_functions)
  add_library(quiver_eval_functions STATIC ${QUIVER_EVAL_FUNCTION_SOURCES})
  target_include_directories(quiver_eval_functions PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(quiver_eval_functions PUBLIC quiver_terms
                        PRIVATE ${QUIVER_EVAL_FUNCTION_LIBS})
  quiver_warnings(quiver_eval_functions)
endif()
