package dev.switchboard.platform.ai;

/** Where the price table lives; until an admin saves one, {@link ModelPriceTable#defaults()}. */
public interface ModelPriceStore {

    ModelPriceTable table();

    void save(ModelPriceTable table);
}
