#include "extractors/dates.h"

#include <gtest/gtest.h>

#include "tests/extractors/test_document.h"

namespace gigafact {
namespace {

}  // namespace
}  // namespace gigafact
