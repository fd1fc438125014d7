#include "output/facts.h"

#include <gtest/gtest.h>

namespace gigafact {
namespace {

}  // namespace
}  // namespace gigafact
